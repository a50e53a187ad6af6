import { Worker } from 'node:worker_threads';
import { StoreError, UsageError } from './errors.js';
import type { ReextractSummary } from './reextract.js';
import type { StoreConfig } from './store/open.js';

export interface ReextractWorkerData {
  module: string;
  store: StoreConfig;
}

export type ReextractMessage =
  | { done: number }
  | { summary: ReextractSummary }
  | { error: { name?: string; message: string } };

/**
 * `reextract` in a worker thread whose heap is capped. Re-extraction makes a great deal of short-lived
 * garbage, and V8 lets an unbounded heap grow far past the live data before it collects, which showed as
 * a peak RSS well above what the work needs. A cap makes V8 collect early; the live set (the old
 * timeline's digests, the regency index, one regency's extractions) is far below it.
 */
export function reextractInThread(
  store: StoreConfig,
  heapMb: number,
  progress?: (done: number) => void,
): Promise<ReextractSummary> {
  const boot = new URL('../bin/ts-worker.mjs', import.meta.url);
  const workerData: ReextractWorkerData = {
    module: new URL('./reextract-worker.ts', import.meta.url).href,
    store,
  };
  const worker = new Worker(boot, {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (act: () => void) => {
      if (settled) return;
      settled = true;
      act();
    };
    worker.on('message', (m: ReextractMessage) => {
      if ('done' in m) progress?.(m.done);
      else if ('summary' in m) settle(() => resolve(m.summary));
      else
        settle(() =>
          reject(
            m.error.name === 'StoreError' ? new StoreError(m.error.message) : new Error(m.error.message),
          ),
        );
    });
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UsageError(
                `re-extraction ran out of its ${heapMb} MB heap; raise ZI_REEXTRACT_HEAP_MB for a store this large`,
              )
            : error,
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`re-extraction thread stopped (exit code ${code})`))),
    );
  });
}
