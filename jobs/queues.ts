import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** One queue per stage, in the order work flows. */
export const QUEUE_NAMES = {
  discover: 'zi-discover',
  fetch: 'zi-fetch',
  extract: 'zi-extract',
  merge: 'zi-merge',
} as const;
export type Stage = keyof typeof QUEUE_NAMES;

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, 8 s), failed jobs kept with their reason for a
 * person to read, completed ones trimmed so Redis does not fill up.
 */
export const JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** The one merge job that may wait while another runs: merges never overlap and none is lost. */
export const MERGE_DEDUPLICATION = { id: 'zi-merge', keepLastIfActive: true } as const;
/**
 * A merge waits this long after the document that asked for it, so the documents arriving meanwhile
 * join it: a merge every quarter minute of crawling rather than one per document. Each merge rewrites
 * its regencies in a write transaction, which the other workers' saves wait for; `zi crawl` does not
 * wait out the delay at the end of its run, it starts the last merge at once.
 */
export const MERGE_DELAY_MS = 15_000;

export interface CrawlQueues {
  discover: Queue;
  fetch: Queue;
  extract: Queue;
  merge: Queue;
  close(): Promise<void>;
}

export function openQueues(connection: Redis): CrawlQueues {
  const make = (stage: Stage) =>
    new Queue(QUEUE_NAMES[stage], { connection, defaultJobOptions: JOB_DEFAULTS });
  const queues = {
    discover: make('discover'),
    fetch: make('fetch'),
    extract: make('extract'),
    merge: make('merge'),
  };
  return {
    ...queues,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
