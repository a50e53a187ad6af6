import { pushTo } from '../extractors/collections.js';
import type { TimelineEvent } from '../models/index.js';
import { type Merged, merge } from './merge/index.js';
import type { Store } from './store/store.js';

/** How many stored texts are read at a time when sentences are filled in. */
const PAGE = 500;

/** Re-merges the timeline and unit board from every stored extraction and replaces them. */
export async function rebuild(store: Store): Promise<Merged> {
  const merged = await mergeStored(store);
  await store.replaceMerged(merged);
  return merged;
}

/** The timeline and unit board every stored extraction makes, with their sentences, not yet written. */
export async function mergeStored(store: Store): Promise<Merged> {
  const merged = merge(await store.extractions());
  await fillSentences(store, merged.events);
  return merged;
}

/** Gives every source the sentence its offsets point to, reading the stored texts a page at a time. */
async function fillSentences(store: Store, events: readonly TimelineEvent[]): Promise<void> {
  const sourcesOf = new Map<string, TimelineEvent['sources']>();
  for (const e of events) for (const s of e.sources) pushTo(sourcesOf, s.documentId, s);
  let after: string | null = null;
  for (;;) {
    const page = await store.texts(after, PAGE);
    if (page.length === 0) break;
    for (const doc of page)
      for (const s of sourcesOf.get(doc.id) ?? []) s.sentence = doc.text.slice(s.start, s.end);
    after = page.at(-1)?.id ?? null;
  }
}
