/**
 * Synthetic stores for the benchmarks: the fixture corpus multiplied, each copy moved to another regency
 * and another year, so that copies report different activities (distinct events) rather than one
 * activity a thousand times.
 */
import { createHash } from 'node:crypto';
import { extract } from '../extractors/index.js';
import { REGENCIES } from '../extractors/lexicon/regencies.js';
import { escapeRegExp } from '../extractors/patterns.js';
import type { Document, DocumentFacts } from '../models/index.js';
import { processFile } from '../pipeline/process-document.js';
import { listInputs } from '../pipeline/read-inputs.js';

export interface Base {
  document: Document;
  facts: DocumentFacts;
  /** Place names of the regencies the document reports, longest first. */
  places: string[];
}

export async function loadBases(corpusDir: string): Promise<Base[]> {
  const bases: Base[] = [];
  for (const path of listInputs([corpusDir])) {
    const { document, facts } = await processFile(path);
    const places = [...new Set(facts.regencies.map((r) => r.replace(/^(?:Kabupaten|Kota) /, '')))].sort(
      (a, b) => b.length - a.length,
    );
    bases.push({ document, facts, places });
  }
  return bases;
}

const YEAR = /(?<![\d.,/])20(1\d|2\d)(?!\d)/g;

/**
 * Copy `k` of a base: its regencies' place names replaced by other places of the gazetteer and its years
 * moved, in the text and in the stored facts alike. Offsets in the facts are not moved: the copies are
 * for timing, not for reading.
 */
export function synthesize(base: Base, k: number): { document: Document; facts: DocumentFacts } {
  const places = new Map(
    base.places.map((p, i) => [
      p,
      (REGENCIES[(k * 7 + i * 131) % REGENCIES.length] as (typeof REGENCIES)[number]).place,
    ]),
  );
  const shift = (k % 40) - 20;
  const rewrite = (s: string) => {
    let out = s;
    for (const [from, to] of places)
      out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(from)}(?![\\p{L}])`, 'gu'), to);
    return out.replace(YEAR, (y) => String(Number(y) + shift));
  };
  const text = rewrite(base.document.text);
  const document: Document = {
    ...base.document,
    id: createHash('sha256').update(`${k}\u0000${text}`).digest('hex'),
    source: `synthetic/${k}/${base.document.source}`,
    url: base.document.url ? `${base.document.url}?copy=${k}` : null,
    published: base.document.published ? rewrite(base.document.published) : null,
    text,
  };
  const facts = JSON.parse(rewrite(JSON.stringify(base.facts))) as DocumentFacts;
  return { document, facts };
}

/** The facts a copy's own text gives, for stores whose extractions must match their texts. */
export function extractCopy(document: Document): DocumentFacts {
  return extract(document.text, { published: document.published, url: document.url }).facts;
}
