import { pushTo } from '../extractors/collections.js';
import { pageAt, type TimelineEvent } from '../models/index.js';
import { type Merged, merge } from './merge/index.js';
import type { Store } from './store/store.js';

/** Regencies are written in batches of about this many events and units, one transaction each. */
const BATCH_ROWS = 5_000;

export interface RebuildSummary {
  events: number;
  units: number;
  eventsPerRegency: Record<string, number>;
}

export interface RebuildOptions {
  /** Called with each regency's new timeline before it replaces the stored one. */
  beforeWrite?: (regency: string, merged: Merged) => Promise<void>;
  /** Only these regencies (the ones new documents touched); by default every one. */
  regencies?: ReadonlySet<string>;
}

/**
 * Re-merges the timeline and unit board from every stored extraction, one regency at a time (events and
 * units never merge across regencies): only the documents that touch a regency are read for it, so memory
 * follows the largest regency, not the store. Regencies are replaced a batch at a time, each batch in one
 * transaction; a regency no document reports any more is emptied at the end. Given the regencies that new
 * documents touched, only those are merged again: the others cannot have changed.
 */
export async function rebuild(store: Store, options: RebuildOptions = {}): Promise<RebuildSummary> {
  const { beforeWrite, regencies: only } = options;
  const documentsOf = await store.regencyDocuments(only && [...only]);
  const summary: RebuildSummary = { events: 0, units: 0, eventsPerRegency: {} };
  let batch: { regency: string; merged: Merged }[] = [];
  let pending = 0;
  const write = async (regency: string, merged: Merged) => {
    await beforeWrite?.(regency, merged);
    batch.push({ regency, merged });
    pending += merged.events.length + merged.units.length;
    if (pending < BATCH_ROWS) return;
    await store.replaceRegencies(batch);
    batch = [];
    pending = 0;
  };
  for (const regency of [...documentsOf.keys()].sort()) {
    const ids = documentsOf.get(regency) as string[];
    const merged = merge(await store.extractionsOf(ids), regency);
    await fillSources(store, ids, merged.events);
    await write(regency, merged);
    summary.events += merged.events.length;
    summary.units += merged.units.length;
    if (merged.events.length > 0) summary.eventsPerRegency[regency] = merged.events.length;
  }
  // A regency no document reports any more is replaced by nothing.
  for (const { regency } of await store.regencies())
    if (!documentsOf.has(regency) && (!only || only.has(regency)))
      await write(regency, { events: [], units: [], officials: [], scores: [] });
  if (batch.length > 0) await store.replaceRegencies(batch);
  return summary;
}

/**
 * Gives every source the sentence its offsets point to and, in a PDF, the page it starts on, from the
 * stored texts and page spans of one regency's documents.
 */
async function fillSources(
  store: Store,
  ids: readonly string[],
  events: readonly TimelineEvent[],
): Promise<void> {
  const sourcesOf = new Map<string, TimelineEvent['sources']>();
  for (const e of events) for (const s of e.sources) pushTo(sourcesOf, s.documentId, s);
  if (sourcesOf.size === 0) return;
  for (const doc of await store.textsOf(ids.filter((id) => sourcesOf.has(id))))
    for (const s of sourcesOf.get(doc.id) ?? []) {
      s.sentence = doc.text.slice(s.start, s.end);
      s.page = pageAt(doc.pages, s.start);
    }
}
