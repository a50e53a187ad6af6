import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
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
  /** The charset the HTTP Content-Type header named, for a fetched page. */
  charset: string | null = null,
): Promise<ProcessedDocument> {
  const document = await parseDocument({ source, bytes: raw, meta, charset });
  const { facts } = extract(document.text, { published: document.published, url: document.url });
  return { document, raw, extractorVersion: EXTRACTOR_VERSION, facts };
}

/** The same for a file on disk, with its `.meta.json` sidecar as context. */
export async function processFile(path: string): Promise<ProcessedDocument> {
  return processBytes(path, readBytes(path), readMeta(path));
}

/** A file on disk parsed, not extracted: what `zi parse` prints. */
export async function parseFile(path: string): Promise<Document> {
  return parseDocument({ source: path, bytes: readBytes(path), meta: readMeta(path) });
}

/**
 * A file's bytes, unpacked when it is gzipped (`page.html.gz`, as crawls and benchmarks store pages; the
 * kind is then read from the bytes). A file that cannot be read is an InputError naming it.
 */
function readBytes(path: string): Uint8Array {
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
  if (!path.toLowerCase().endsWith('.gz')) return raw;
  try {
    return gunzipSync(raw);
  } catch (cause) {
    throw new InputError(path, `not a readable gzip file (${(cause as Error).message})`, { cause });
  }
}
