import { availableParallelism } from 'node:os';
import { extract } from '../extractors/index.js';
import type { DocumentFacts } from '../models/index.js';
import type { StoredText } from './store/store.js';
import { ThreadPool } from './thread-pool.js';

// Extraction makes short-lived garbage only; a small heap keeps each worker's memory flat.
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

/** What extraction reads of a stored document. */
export type ExtractInput = Pick<StoredText, 'text' | 'published' | 'url'>;

/**
 * Extraction on every core: a page of stored texts is split among worker threads and this thread, all
 * running the same pure `extract`, and the facts come back in the page's order. This thread takes a share
 * itself rather than wait, so one core needs no worker of its own (each worker holds a heap of its own).
 * Extraction is the one CPU-bound stage, so re-extracting a large store is where the cores pay off.
 */
export class ExtractPool {
  private readonly threads: ThreadPool<ExtractInput[], DocumentFacts[]>;

  /** `workers`: threads besides this one; by default one fewer than the cores. */
  constructor(workers = availableParallelism() - 1) {
    this.threads = new ThreadPool(
      new URL('./extract-worker.ts', import.meta.url),
      Math.max(1, workers),
      WORKER_HEAP,
    );
  }

  get size(): number {
    return this.threads.size;
  }

  async extract(items: readonly ExtractInput[]): Promise<DocumentFacts[]> {
    const share = Math.ceil(items.length / (this.threads.size + 1));
    const parts = Array.from({ length: this.threads.size }, (_, w) => {
      const slice = items
        .slice((w + 1) * share, (w + 2) * share)
        .map(({ text, published, url }) => ({ text, published, url }));
      return slice.length === 0 ? Promise.resolve([]) : this.threads.run(slice);
    });
    const own = items
      .slice(0, share)
      .map((t) => extract(t.text, { published: t.published, url: t.url }).facts);
    return [own, ...(await Promise.all(parts))].flat();
  }

  close(): Promise<void> {
    return this.threads.close();
  }
}
