import { type Merged, merge } from './merge/index.js';
import type { Store } from './store/store.js';

/** Re-merges the timeline and unit board from every stored extraction and replaces them. */
export async function rebuild(store: Store): Promise<Merged> {
  const merged = merge(await store.extractions());
  await store.replaceMerged(merged);
  return merged;
}
