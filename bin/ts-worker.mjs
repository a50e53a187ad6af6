// Runs a TypeScript module in a worker thread through tsx, as bin/zi.mjs does on the main thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
