import { pushTo } from '../../extractors/collections.js';
import { unitKey } from '../../extractors/units/unit-lexicon.js';
import { DocumentFactsSchema, PageSpanSchema, type SearchHit, type UnitStatus } from '../../models/index.js';
import type { StoredExtraction } from '../merge/index.js';
import type { SearchRow } from './query.js';
import type { StoredText } from './store.js';

/** How both backends read stored extractions, and turn rows into what the merge reads. */
export const EXTRACTION_SELECT = `SELECT d.id, d.source, d.url, d.title, d.published, e.extractor_version, e.facts
  FROM documents d JOIN extractions e ON e.document_id = d.id`;

export interface ExtractionRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  extractor_version: string;
  facts: string;
}

/** How both backends read stored texts with their page spans, for `toStoredText`. */
export const TEXT_SELECT = `SELECT d.id, d.text, d.published, d.url, p.pages
  FROM documents d LEFT JOIN document_pages p ON p.document_id = d.id`;

/**
 * Stored PDFs without page spans, with their bytes. `kind` is stored before `raw`, so the other documents
 * are passed over without reading their bytes.
 */
export const UNPAGED_PDF_SELECT = `SELECT d.id, d.raw FROM documents d
  WHERE d.kind = 'pdf' AND NOT EXISTS (SELECT 1 FROM document_pages p WHERE p.document_id = d.id)`;

export type TextRow = Omit<StoredText, 'pages'> & { pages: string | null };

export function toStoredText(r: TextRow): StoredText {
  return { ...r, pages: r.pages === null ? null : PageSpanSchema.array().parse(JSON.parse(r.pages)) };
}

/** Ids a few hundred at a time, so that no statement grows past the database's parameter limit. */
export async function inChunks<T>(
  ids: readonly string[],
  read: (chunk: string[]) => T[] | Promise<T[]>,
  size = 500,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}

export function toExtraction(r: ExtractionRow): StoredExtraction {
  return {
    document: {
      id: r.id,
      source: r.source,
      url: r.url,
      title: r.title,
      published: r.published,
    },
    extractorVersion: r.extractor_version,
    facts: DocumentFactsSchema.parse(typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts),
  };
}

/** Every written form of a unit, as keys between bars, so "|dpmptsp|" finds it by any of its names. */
export function unitKeys(u: UnitStatus): string {
  return `|${[u.name, ...u.aliases].map(unitKey).join('|')}|`;
}

/** Rows of `document_regencies` as each regency's documents, in the order read. */
export function groupByRegency(rows: readonly { regency: string; id: string }[]): Map<string, string[]> {
  const documents = new Map<string, string[]>();
  for (const { regency, id } of rows) pushTo(documents, regency, id);
  return documents;
}

/** A search row as the hit it stands for. */
export function toSearchHit(r: SearchRow): SearchHit {
  if (r.kind === 'unit') return { kind: 'unit', id: r.id, regency: r.regency, name: r.text };
  if (r.kind === 'official')
    return {
      kind: 'official',
      id: r.id,
      regency: r.regency,
      name: r.text,
      roles: JSON.parse(r.roles ?? '[]') as string[],
    };
  return {
    kind: 'sentence',
    eventId: r.id,
    regency: r.regency,
    documentId: r.document_id as string,
    sentence: r.text,
    start: r.start_at as number,
    end: r.end_at as number,
  };
}
