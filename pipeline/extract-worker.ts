/** A worker thread of the extraction pool: texts in, facts out, in order. */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extractors/index.js';
import type { ExtractInput } from './extract-pool.js';
import { answerRequests } from './thread-pool.js';

if (parentPort)
  answerRequests(parentPort, (items: ExtractInput[]) =>
    items.map((t) => extract(t.text, { published: t.published, url: t.url }).facts),
  );
