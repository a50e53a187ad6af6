import { readFileSync } from 'node:fs';
import { EXTRACTOR_VERSION, extract } from '../extractors/index.js';
import type { Document, DocumentFacts, DocumentMeta } from '../models/index.js';
import { InputError } from './errors.js';
import { parseDocument } from './parse/parse-document.js';
import { readMeta } from './read-inputs.js';

export interface ProcessedDocument {
  document: Document;
  raw: Uint8Array;
  extractorVersion: string;
  facts: DocumentFacts;
}

/** The embedded run for one document: bytes → parsed document → facts. The workers call the same function. */
export async function processBytes(
  source: string,
  raw: Uint8Array,
  meta: DocumentMeta,
): Promise<ProcessedDocument> {
  const document = await parseDocument({ source, bytes: raw, meta });
  const { facts } = extract(document.text, { published: document.published, url: document.url });
  return { document, raw, extractorVersion: EXTRACTOR_VERSION, facts };
}

/** The same for a file on disk, with its `.meta.json` sidecar as context. */
export async function processFile(path: string): Promise<ProcessedDocument> {
  let raw: Uint8Array;
  try {
    raw = readFileSync(path);
  } catch (cause) {
    throw new InputError(
      path,
      `cannot read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      { cause },
    );
  }
  return processBytes(path, raw, readMeta(path));
}
