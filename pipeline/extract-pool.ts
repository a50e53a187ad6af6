import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extract } from '../extractors/index.js';
import type { DocumentFacts } from '../models/index.js';
import type { StoredText } from './store/store.js';

const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

/** What extraction reads of a stored document. */
export type ExtractInput = Pick<StoredText, 'text' | 'published' | 'url'>;

export interface ExtractRequest {
  id: number;
  items: ExtractInput[];
}

export type ExtractResponse = { id: number; facts: DocumentFacts[] } | { id: number; error: string };

/**
 * Extraction on every core: a page of stored texts is split among worker threads and this thread, all
 * running the same pure `extract`, and the facts come back in the page's order. This thread takes a share
 * itself rather than wait, so one core needs no worker of its own (each worker holds a heap of its own).
 * Extraction is the one CPU-bound stage, so re-extracting a large store is where the cores pay off.
 */
export class ExtractPool {
  private readonly workers: Worker[];
  private next = 0;
  private readonly waiting = new Map<number, { resolve(f: DocumentFacts[]): void; reject(e: Error): void }>();

  /** `workers`: threads besides this one; by default one fewer than the cores. */
  constructor(workers = availableParallelism() - 1) {
    const boot = new URL('../bin/ts-worker.mjs', import.meta.url);
    const module = new URL('./extract-worker.ts', import.meta.url).href;
    this.workers = Array.from({ length: Math.max(1, workers) }, () => {
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

  async extract(items: readonly ExtractInput[]): Promise<DocumentFacts[]> {
    const share = Math.ceil(items.length / (this.workers.length + 1));
    const parts = this.workers.map((worker, w) => {
      const slice = items
        .slice((w + 1) * share, (w + 2) * share)
        .map(({ text, published, url }) => ({ text, published, url }));
      if (slice.length === 0) return Promise.resolve([] as DocumentFacts[]);
      const id = this.next++;
      return new Promise<DocumentFacts[]>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        worker.postMessage({ id, items: slice } satisfies ExtractRequest);
      });
    });
    const own = items
      .slice(0, share)
      .map((t) => extract(t.text, { published: t.published, url: t.url }).facts);
    return [own, ...(await Promise.all(parts))].flat();
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
