/** The worker thread `reextractInThread` starts: opens the store itself and reports back by message. */
import { parentPort, workerData } from 'node:worker_threads';
import { reextract } from './reextract.js';
import type { ReextractMessage, ReextractWorkerData } from './reextract-thread.js';
import { openStore } from './store/open.js';

const { store: storeConfig } = workerData as ReextractWorkerData;
const post = (message: ReextractMessage) => parentPort?.postMessage(message);
try {
  const store = await openStore(storeConfig);
  try {
    post({ summary: await reextract(store, (done) => post({ done })) });
  } finally {
    await store.close();
  }
} catch (error) {
  post({
    error: error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) },
  });
}
