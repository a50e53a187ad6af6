import type { Document, DocumentFacts, DocumentMeta } from '../models/index.js';
import type { ProcessedDocument } from './process-document.js';
import { ThreadPool } from './thread-pool.js';

export interface ProcessRequest {
  source: string;
  raw: Uint8Array;
  meta: DocumentMeta;
  charset: string | null;
}

export interface ProcessAnswer {
  document: Document;
  extractorVersion: string;
  facts: DocumentFacts;
}

/**
 * `processBytes` (parse → extract) on worker threads, for a crawl worker: its own thread then spends its
 * time on what only it can do, talking to Redis, the sites and the store, while documents are read on the
 * other cores. The same stage function as `zi run`, run elsewhere; a document that cannot be read still
 * fails with the InputError that names it.
 */
export class ProcessPool {
  private readonly threads: ThreadPool<ProcessRequest, ProcessAnswer>;

  constructor(threads: number) {
    this.threads = new ThreadPool(new URL('./process-worker.ts', import.meta.url), threads);
  }

  /** Settles once every thread can take documents. */
  get ready(): Promise<void> {
    return this.threads.ready;
  }

  async process(
    source: string,
    raw: Uint8Array,
    meta: DocumentMeta,
    charset: string | null,
  ): Promise<ProcessedDocument> {
    const answer = await this.threads.run({ source, raw, meta, charset });
    return { ...answer, raw };
  }

  close(): Promise<void> {
    return this.threads.close();
  }
}
