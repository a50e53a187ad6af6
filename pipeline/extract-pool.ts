import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentFacts } from '../models/index.js';
import type { StoredText } from './store/store.js';

const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

export interface ExtractRequest {
  id: number;
  items: Omit<StoredText, 'id'>[];
}

export type ExtractResponse = { id: number; facts: DocumentFacts[] } | { id: number; error: string };

/**
 * Extraction on every core: a page of stored texts is split among worker threads, each running the same
 * pure `extract` as the main thread, and the facts come back in the page's order. Extraction is the one
 * CPU-bound stage, so re-extracting a large store is where the cores pay off.
 */
export class ExtractPool {
  private readonly workers: Worker[];
  private next = 0;
  private readonly waiting = new Map<number, { resolve(f: DocumentFacts[]): void; reject(e: Error): void }>();

  constructor(size = availableParallelism()) {
    const boot = new URL('../bin/ts-worker.mjs', import.meta.url);
    const module = new URL('./extract-worker.ts', import.meta.url).href;
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      // Extraction makes short-lived garbage only; a small heap keeps each worker's memory flat.
      const worker = new Worker(boot, { workerData: { module }, resourceLimits: WORKER_HEAP });
      worker.on('message', (r: ExtractResponse) => this.settle(r));
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  async extract(items: readonly StoredText[]): Promise<DocumentFacts[]> {
    const share = Math.ceil(items.length / this.workers.length);
    const parts = this.workers.map((worker, w) => {
      const slice = items
        .slice(w * share, (w + 1) * share)
        .map(({ text, published, url }) => ({ text, published, url }));
      if (slice.length === 0) return Promise.resolve([] as DocumentFacts[]);
      const id = this.next++;
      return new Promise<DocumentFacts[]>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        worker.postMessage({ id, items: slice } satisfies ExtractRequest);
      });
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(r: ExtractResponse): void {
    const waiter = this.waiting.get(r.id);
    if (!waiter) return;
    this.waiting.delete(r.id);
    if ('error' in r) waiter.reject(new Error(`extraction worker failed: ${r.error}`));
    else waiter.resolve(r.facts);
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
