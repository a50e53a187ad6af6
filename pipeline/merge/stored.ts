import type { Document, DocumentFacts } from '../../models/index.js';

/**
 * What the merge reads of a stored document: its identity and its facts. Not its text: a store of a
 * hundred thousand documents merges without holding them all; the sources' sentences and PDF pages are
 * filled in afterwards, a page of documents at a time (see pipeline/rebuild.ts).
 */
export interface StoredExtraction {
  document: Pick<Document, 'id' | 'source' | 'url' | 'title' | 'published'>;
  extractorVersion: string;
  facts: DocumentFacts;
}
