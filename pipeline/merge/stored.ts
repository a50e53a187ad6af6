import type { Document, DocumentFacts } from '../../models/index.js';

/** What the merge reads of a stored document: its identity, text for provenance, and its facts. */
export interface StoredExtraction {
  document: Pick<Document, 'id' | 'source' | 'url' | 'title' | 'published' | 'text'>;
  extractorVersion: string;
  facts: DocumentFacts;
}
