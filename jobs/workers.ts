import { DelayedError, type Job, type Processor, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { processBytes } from '../pipeline/process-document.js';
import { ProcessPool } from '../pipeline/process-pool.js';
import type { Store } from '../pipeline/store/store.js';
import type { CrawlContext, FetchSettings } from './crawl-context.js';
import { CrawlRun } from './crawl-run.js';
import { HostGate } from './host-gate.js';
import { PageStates } from './page-state.js';
import { openQueues, QUEUE_NAMES, type Stage } from './queues.js';
import { RobotsCache } from './robots-cache.js';
import { SourceRegistry } from './source-registry.js';
import { discoverMember, discoverStage } from './stages/discover.js';
import { extractStage } from './stages/extract.js';
import { fetchStage } from './stages/fetch.js';
import { mergeStage } from './stages/merge.js';

const EXTRACT_CONCURRENCY = 16;

export interface WorkerSettings {
  /** Fetches at once in this process (each host still gets one at a time). */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal: a worker that dies (SIGKILL, power loss) gives its jobs
   * back after about this long.
   */
  lockMs: number;
  fetch: FetchSettings;
  /**
   * Threads that parse and extract the fetched documents, so that this process's own thread is left to
   * Redis, the sites and the store; 0 does it all on this thread.
   */
  extractThreads: number;
}

export interface CrawlWorkers {
  /** Settles once the extract threads have loaded, so the first documents do not wait for them. */
  ready: Promise<void>;
  /** Lets the running jobs finish, takes no new ones, then closes every connection. */
  close(): Promise<void>;
}

/** The four stage workers of one process, sharing one context; `zi worker` runs them. */
export function startWorkers(redis: Redis, store: Store, settings: WorkerSettings): CrawlWorkers {
  const queues = openQueues(redis);
  const pool = settings.extractThreads > 0 ? new ProcessPool(settings.extractThreads) : null;
  const ctx: CrawlContext = {
    redis,
    queues,
    store,
    gate: new HostGate(redis),
    pages: new PageStates(redis),
    robots: new RobotsCache(redis),
    sources: new SourceRegistry(redis),
    fetch: settings.fetch,
    process: pool
      ? (source, raw, meta, charset = null) => pool.process(source, raw, meta, charset)
      : processBytes,
  };
  const make = (stage: Stage, processor: Processor, concurrency: number) => {
    const worker = new Worker(QUEUE_NAMES[stage], recordingFinalFailure(redis, processor), {
      connection: redis,
      concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: settings.lockMs,
      // A page whose worker died twice in a row is still worth a third try before it counts as failed.
      maxStalledCount: 3,
    });
    worker.on('error', (error) => console.error(`worker ${stage}: ${error.message}`));
    return worker;
  };
  const workers = [
    make('discover', (job) => discoverStage(job, ctx), 1),
    make('fetch', (job, token) => fetchStage(job, token, ctx), settings.concurrency),
    // Each job waits on Redis, the store and the extract threads: enough of them at once keep the threads
    // fed while this thread fetches (measured on 5,000 pages: 16 finish in 22.6 s, 4 in 25.5 s).
    make('extract', (job) => extractStage(job, ctx), EXTRACT_CONCURRENCY),
    make('merge', () => mergeStage(ctx), 1),
  ];
  return {
    ready: pool ? pool.ready : Promise.resolve(),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      await pool?.close();
    },
  };
}

/**
 * A job's last failure (no attempts left, or an error that retrying cannot fix) finishes its URL in the
 * run, counted as failed, so a run with a bad page still ends. BullMQ keeps the job with its reason.
 */
function recordingFinalFailure(redis: Redis, processor: Processor): Processor {
  return async (job: Job, token?: string) => {
    try {
      return await processor(job, token);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const last = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const member = memberOf(job);
      if (last && member) await new CrawlRun(redis, member.runId).finish(member.member, 'failed');
      throw error;
    }
  };
}

/** The run member a job stands for: its URL, or its source's discovery step. */
function memberOf(job: Job): { runId: string; member: string } | null {
  const data = job.data as { runId?: unknown; url?: unknown; source?: unknown };
  if (typeof data.runId !== 'string') return null;
  if (typeof data.url === 'string') return { runId: data.runId, member: data.url };
  if (job.queueName === QUEUE_NAMES.discover && typeof data.source === 'string')
    return { runId: data.runId, member: discoverMember(data.source) };
  return null;
}
