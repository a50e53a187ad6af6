/** A worker thread of the extraction pool: texts in, facts out, in order. */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extractors/index.js';
import type { ExtractRequest, ExtractResponse } from './extract-pool.js';

parentPort?.on('message', ({ id, items }: ExtractRequest) => {
  let response: ExtractResponse;
  try {
    response = { id, facts: items.map((t) => extract(t.text, { published: t.published, url: t.url }).facts) };
  } catch (error) {
    response = { id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort?.postMessage(response);
});
