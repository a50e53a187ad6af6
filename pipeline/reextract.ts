import { availableParallelism } from 'node:os';
import { EXTRACTOR_VERSION, extract } from '../extractors/index.js';
import type { DocumentFacts, TimelineEvent } from '../models/index.js';
import { InputError } from './errors.js';
import { ExtractPool } from './extract-pool.js';
import { eventDigest } from './merge/digest.js';
import type { Merged } from './merge/index.js';
import { parsePdf } from './parse/pdf.js';
import { rebuild } from './rebuild.js';
import type { Store, StoredText } from './store/store.js';

/** How many stored texts are read and saved at a time, so memory stays flat however large the store. */
const PAGE = 500;
/** From how many stored documents re-extraction uses every core. */
const POOL_FROM = 2_000;
/** Stored PDFs read again at a time for their page spans: a report's bytes can run to megabytes. */
const PDF_PAGE = 20;

/** How many events of each kind of change the report shows; the counts cover them all. */
const EXAMPLES = 20;

export interface TimelineChange {
  counts: { added: number; removed: number; changed: number };
  /** The first few of each, for the report. */
  added: TimelineEvent[];
  removed: TimelineEvent[];
  changed: { before: TimelineEvent; after: TimelineEvent }[];
}

export interface ReextractSummary {
  /** Wall time of the two phases, in seconds. */
  seconds: { extraction: number; merge: number };
  documents: number;
  /** Documents whose facts came out differently. */
  updated: number;
  /** PDFs stored without page spans: how many got them now, and how many are left without. */
  pages: { filled: number; left: number };
  change: TimelineChange;
}

/**
 * After a rule change: every stored document is extracted again from its stored text (nothing is fetched
 * or parsed again, but for the PDFs stored without page spans), its extraction replaced where it differs,
 * and the timeline re-merged. Reports what changed in the timeline, comparing stored digests so that the
 * old timeline is never loaded whole.
 */
export async function reextract(store: Store, progress?: (done: number) => void): Promise<ReextractSummary> {
  const started = performance.now();
  const pages = await fillPageSpans(store);
  let documents = 0;
  let updated = 0;
  // Worker threads pay for their start-up only on a large store, and only with more than one core.
  const pool =
    (await store.counts()).documents >= POOL_FROM && availableParallelism() > 1 ? new ExtractPool() : null;
  const extractPage = async (page: readonly StoredText[]) =>
    pool
      ? pool.extract(page)
      : page.map((doc) => extract(doc.text, { published: doc.published, url: doc.url }).facts);
  try {
    // The workers extract the next page while this thread saves the last one.
    let page = await store.texts(null, PAGE);
    let extracting = extractPage(page);
    while (page.length > 0) {
      const next = await store.texts(page.at(-1)?.id ?? null, PAGE);
      const nextExtracting = next.length > 0 ? extractPage(next) : Promise.resolve([]);
      // Awaited on the next turn; marked handled now so that a failing worker is not reported twice.
      nextExtracting.catch(() => {});
      const facts = await extracting;
      updated += await store.saveExtractions(
        page.map((doc, k) => ({
          documentId: doc.id,
          extractorVersion: EXTRACTOR_VERSION,
          facts: facts[k] as DocumentFacts,
        })),
      );
      documents += page.length;
      progress?.(documents);
      page = next;
      extracting = nextExtracting;
    }
  } finally {
    await pool?.close();
  }
  const extracted = performance.now();
  const change: TimelineChange = {
    counts: { added: 0, removed: 0, changed: 0 },
    added: [],
    removed: [],
    changed: [],
  };
  // Compared a regency at a time, just before it is replaced, against that regency's stored digests: the
  // old timeline is never held whole, and only the examples shown are read in full.
  const beforeWrite = async (regency: string, merged: Merged) => {
    const before = await store.eventDigests(regency);
    const next = new Set<string>();
    for (const event of merged.events) {
      next.add(event.id);
      const old = before.get(event.id);
      if (old === undefined) {
        if (change.counts.added++ < EXAMPLES) change.added.push(event);
      } else if (old !== eventDigest(event) && change.counts.changed++ < EXAMPLES) {
        const was = await store.event(event.id);
        if (was) change.changed.push({ before: was, after: event });
      }
    }
    for (const id of before.keys()) {
      if (next.has(id) || change.counts.removed++ >= EXAMPLES) continue;
      const was = await store.event(id);
      if (was) change.removed.push(was);
    }
  };
  await rebuild(store, { beforeWrite });
  const seconds = { extraction: (extracted - started) / 1000, merge: (performance.now() - extracted) / 1000 };
  return { seconds, documents, updated, pages, change };
}

/**
 * Gives the PDFs stored before page spans were kept their spans, read again from their stored bytes: the
 * stored text no longer shows where one page ends and the next begins. Spans are offsets, so they are
 * kept only where the PDF still reads to the very text stored; one read differently by an older parser
 * keeps no pages rather than wrong ones.
 */
async function fillPageSpans(store: Store): Promise<ReextractSummary['pages']> {
  const pages = { filled: 0, left: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await store.unpagedPdfs(after, PDF_PAGE);
    if (batch.length === 0) return pages;
    for (const { id, raw } of batch) {
      const pdf = await parsePdf(id, raw).catch((error: unknown) => {
        if (error instanceof InputError) return null;
        throw error;
      });
      if (pdf && (await store.savePages(id, pdf.text, pdf.pages))) pages.filled++;
      else pages.left++;
    }
    after = batch.at(-1)?.id ?? null;
  }
}
