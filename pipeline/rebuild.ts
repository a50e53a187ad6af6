import { pushTo } from '../extractors/collections.js';
import type { TimelineEvent } from '../models/index.js';
import { type Merged, merge, regenciesOf } from './merge/index.js';
import type { Store } from './store/store.js';

/** How many stored extractions are read at a time while the regency index is built. */
const PAGE = 1_000;

export interface RebuildSummary {
  events: number;
  units: number;
  eventsPerRegency: Record<string, number>;
}

/** Called with each regency's new timeline before it replaces the stored one. */
export type BeforeWrite = (regency: string, merged: Merged) => Promise<void>;

/**
 * Re-merges the timeline and unit board from every stored extraction, one regency at a time (events and
 * units never merge across regencies): only the documents that touch a regency are read for it, so memory
 * follows the largest regency, not the store. Each regency is replaced in one transaction; a regency no
 * document reports any more is emptied at the end.
 */
export async function rebuild(store: Store, beforeWrite?: BeforeWrite): Promise<RebuildSummary> {
  const documentsOf = await regencyIndex(store);
  const summary: RebuildSummary = { events: 0, units: 0, eventsPerRegency: {} };
  for (const regency of [...documentsOf.keys()].sort()) {
    const ids = documentsOf.get(regency) as string[];
    const merged = merge(await store.extractionsOf(ids), regency);
    await fillSentences(store, ids, merged.events);
    await beforeWrite?.(regency, merged);
    await store.replaceRegency(regency, merged);
    summary.events += merged.events.length;
    summary.units += merged.units.length;
    if (merged.events.length > 0) summary.eventsPerRegency[regency] = merged.events.length;
  }
  // A regency no document reports any more is replaced by nothing.
  const empty: Merged = { events: [], units: [] };
  for (const { regency } of await store.regencies()) {
    if (documentsOf.has(regency)) continue;
    await beforeWrite?.(regency, empty);
    await store.replaceRegency(regency, empty);
  }
  return summary;
}

/** Which stored documents touch each regency, read a page of extractions at a time. */
async function regencyIndex(store: Store): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  let after: string | null = null;
  for (;;) {
    const page = await store.extractionPage(after, PAGE);
    if (page.length === 0) break;
    for (const { document, facts } of page) for (const r of regenciesOf(facts)) pushTo(index, r, document.id);
    after = page.at(-1)?.document.id ?? null;
  }
  return index;
}

/** Gives every source the sentence its offsets point to, from the stored texts of one regency's documents. */
async function fillSentences(
  store: Store,
  ids: readonly string[],
  events: readonly TimelineEvent[],
): Promise<void> {
  const sourcesOf = new Map<string, TimelineEvent['sources']>();
  for (const e of events) for (const s of e.sources) pushTo(sourcesOf, s.documentId, s);
  if (sourcesOf.size === 0) return;
  for (const doc of await store.textsOf(ids.filter((id) => sourcesOf.has(id))))
    for (const s of sourcesOf.get(doc.id) ?? []) s.sentence = doc.text.slice(s.start, s.end);
}
