import type {
  Document,
  DocumentFacts,
  EventType,
  OfficialRecord,
  PageSpan,
  Predicate,
  RegencySummary,
  ScoreRecord,
  SearchHit,
  TimelineEvent,
  TimelineEventSummary,
  TimelineQuery,
  UnitStatus,
} from '../../models/index.js';
import type { Merged, StoredExtraction } from '../merge/index.js';

export interface SaveResult {
  /** New: the document was not in the store before. */
  added: boolean;
}

/** Timeline filters beyond regency and dates: a unit under any of its names, an event kind, a predicate. */
export interface PageRequest {
  limit: number;
  offset: number;
}

export interface EventQuery extends TimelineQuery {
  unit?: string;
  type?: EventType;
  predicate?: Predicate;
}

/** A text search over unit names, officials' names and roles, and event sentences; a page of it. */
export interface SearchQuery {
  /** Found anywhere in a name, role or sentence, ignoring the case of ASCII letters. */
  text: string;
  regency?: string;
  limit: number;
  offset: number;
}

export interface NewExtraction {
  documentId: string;
  extractorVersion: string;
  facts: DocumentFacts;
}

/** A stored document as re-extraction needs it: its text and context, never refetched or reparsed. */
export interface StoredText {
  id: string;
  text: string;
  published: string | null;
  url: string | null;
  /** Where each page of a PDF sits in `text`; null for HTML and text, and a PDF stored before pages were kept. */
  pages: PageSpan[] | null;
}

/** A stored PDF that has no page spans yet, with the bytes they can be read from again. */
export interface UnpagedPdf {
  id: string;
  raw: Uint8Array;
}

/**
 * The one interface both backends give: SQLite (the embedded default, one file) and PostgreSQL (for
 * workers on several machines). Each document's save is one transaction; the timeline is re-merged from
 * every stored extraction, so saving the same documents again, in any order, changes nothing.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  saveDocument(
    doc: Document,
    raw: Uint8Array,
    extractorVersion: string,
    facts: DocumentFacts,
  ): Promise<SaveResult>;
  /**
   * Replaces documents' extractions (after a rule change) in one transaction; their raw bytes and text
   * stay. Returns how many came out with facts different from the stored ones.
   */
  saveExtractions(items: readonly NewExtraction[]): Promise<number>;
  /** A regency's stored events by id with their content digests, to tell what a re-merge changed without loading bodies. */
  eventDigests(regency: string): Promise<Map<string, string>>;
  /**
   * The stored documents whose facts touch each regency (those its merge reads), each regency's in id
   * order; with `regencies`, only theirs.
   */
  regencyDocuments(regencies?: readonly string[]): Promise<Map<string, string[]>>;
  /** The stored extractions of these documents. */
  extractionsOf(ids: readonly string[]): Promise<StoredExtraction[]>;
  /** Stored texts in id order, a page at a time, for re-extraction. */
  texts(afterId: string | null, limit: number): Promise<StoredText[]>;
  textsOf(ids: readonly string[]): Promise<StoredText[]>;
  /** Stored PDFs without page spans in id order, a few at a time: their raw bytes can be large. */
  unpagedPdfs(afterId: string | null, limit: number): Promise<UnpagedPdf[]>;
  /**
   * Gives a stored document the page spans it lacks. The spans are offsets into `text`, the text they were
   * read with, so they are kept only where that is the text stored; returns whether they were.
   */
  savePages(id: string, text: string, pages: readonly PageSpan[]): Promise<boolean>;
  /** Replaces the merged events and units of these regencies, in one transaction. */
  replaceRegencies(batch: readonly { regency: string; merged: Merged }[]): Promise<void>;
  timeline(query?: EventQuery): Promise<TimelineEvent[]>;
  /** One page of `timeline(query)` as summaries (summarizeEvent), read as a page, with the length of the whole. */
  timelinePage(
    query: EventQuery,
    page: PageRequest,
  ): Promise<{ items: TimelineEventSummary[]; total: number }>;
  /** Whether the store holds anything on a regency (events, units, officials or scores), under any of its names. */
  hasRegency(regency: string): Promise<boolean>;
  event(id: string): Promise<TimelineEvent | null>;
  units(regency?: string): Promise<UnitStatus[]>;
  unit(id: string): Promise<UnitStatus | null>;
  officials(regency?: string): Promise<OfficialRecord[]>;
  scores(regency?: string): Promise<ScoreRecord[]>;
  regencies(): Promise<RegencySummary[]>;
  /** Hits in a fixed order (units, officials, sentences; then regency and text), with how many there are in all. */
  search(query: SearchQuery): Promise<{ items: SearchHit[]; total: number }>;
  counts(): Promise<{ documents: number; events: number; units: number }>;
  close(): Promise<void>;
}
