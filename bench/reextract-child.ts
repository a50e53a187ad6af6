/**
 * `zi reextract` over a prepared store, alone in its own process so that its wall time and peak memory
 * are its own. Prints one JSON line.
 */
import { reextract } from '../pipeline/reextract.js';
import { SqliteStore } from '../pipeline/store/sqlite-store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: reextract-child.ts STORE.db');
const store = SqliteStore.open(path);
const start = performance.now();
const { documents, updated, change, seconds: phases } = await reextract(store);
const seconds = (performance.now() - start) / 1000;
const { events, units } = await store.counts();
await store.close();
console.log(
  JSON.stringify({
    documents,
    updated,
    events,
    units,
    changed: change.counts.added + change.counts.removed + change.counts.changed,
    seconds,
    extractionSeconds: phases.extraction,
    mergeSeconds: phases.merge,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
