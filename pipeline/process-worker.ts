/** A worker thread of the process pool: a fetched document's bytes in, its parsed text and facts out. */
import { parentPort } from 'node:worker_threads';
import { processBytes } from './process-document.js';
import type { ProcessAnswer, ProcessRequest } from './process-pool.js';
import { answerRequests } from './thread-pool.js';

if (parentPort)
  answerRequests(
    parentPort,
    async ({ source, raw, meta, charset }: ProcessRequest): Promise<ProcessAnswer> => {
      const { document, extractorVersion, facts } = await processBytes(source, raw, meta, charset);
      return { document, extractorVersion, facts };
    },
  );
