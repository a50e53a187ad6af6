/**
 * `zi reextract` over a prepared store, alone in its own process so that its wall time and peak memory
 * are its own. Prints one JSON line.
 */
import { loadConfig } from '../models/config.js';
import { reextractInThread } from '../pipeline/reextract-thread.js';
import { SqliteStore } from '../pipeline/store/sqlite-store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: reextract-child.ts STORE.db');
const start = performance.now();
// As `zi reextract` runs it: in its capped thread, the store opened there.
const {
  documents,
  updated,
  change,
  seconds: phases,
} = await reextractInThread({ dbPath: path }, loadConfig(process.env).reextractHeapMb);
const store = SqliteStore.open(path);
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
