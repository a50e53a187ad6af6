import type { Redis } from 'ioredis';
import type { RunStatus } from '../models/index.js';

/** Run bookkeeping lives a week: long enough to read back, short enough not to pile up. */
const RUN_TTL_SECONDS = 7 * 24 * 3600;

/** How a URL of the run ended; each is counted once however often its job is retried. */
export type Outcome =
  | 'fetched'
  | 'notModified'
  | 'unchanged'
  | 'extracted'
  | 'disallowed'
  | 'overLimit'
  | 'failed';

/**
 * The state of one crawl run in Redis, shared by every worker: which URLs it has admitted (so a page
 * linked from ten listings is fetched once per run) and which of them are finished. A run is over
 * when everything admitted is finished. Members are URLs, plus `discover:<source>` for each source's
 * discovery step, admitted before its job is queued so that a run is never over before it starts.
 */
export class CrawlRun {
  constructor(
    private readonly redis: Redis,
    readonly runId: string,
  ) {}

  private key(part?: string): string {
    return part ? `zi:run:${this.runId}:${part}` : `zi:run:${this.runId}`;
  }

  /** True the first time a member is admitted to the run. */
  async admit(member: string): Promise<boolean> {
    const [[, added]] = (await this.redis
      .multi()
      .sadd(this.key('seen'), member)
      .expire(this.key('seen'), RUN_TTL_SECONDS)
      .exec()) as [[Error | null, number]];
    return added === 1;
  }

  /** Marks a member finished; its outcome (if it counts as one) is counted only the first time. */
  async finish(member: string, outcome: Outcome | null): Promise<void> {
    const [[, added]] = (await this.redis
      .multi()
      .sadd(this.key('finished'), member)
      .expire(this.key('finished'), RUN_TTL_SECONDS)
      .exec()) as [[Error | null, number]];
    if (added === 1 && outcome) await this.add(outcome, 1);
  }

  /** Adds to one of the run's counters (bytes transferred, outcomes). */
  async add(counter: Outcome | 'bytes', n: number): Promise<void> {
    await this.redis.multi().hincrby(this.key(), counter, n).expire(this.key(), RUN_TTL_SECONDS).exec();
  }

  /** Counts a URL against a source's page limit (once, however often its job runs); false past the limit. */
  async takePage(source: string, url: string, limit: number): Promise<boolean> {
    const key = this.key(`pages:${source}`);
    const [, [, taken]] = (await this.redis
      .multi()
      .sadd(key, url)
      .scard(key)
      .expire(key, RUN_TTL_SECONDS)
      .exec()) as [unknown, [Error | null, number]];
    if (taken <= limit) return true;
    // Past the limit: this URL does not hold a place in the count.
    await this.redis.srem(key, url);
    return false;
  }

  async status(): Promise<RunStatus> {
    const [[, admitted], [, finished], [, counts]] = (await this.redis
      .multi()
      .scard(this.key('seen'))
      .scard(this.key('finished'))
      .hgetall(this.key())
      .exec()) as [[Error | null, number], [Error | null, number], [Error | null, Record<string, string>]];
    const n = (field: string) => Number(counts[field] ?? 0);
    return {
      runId: this.runId,
      admitted,
      finished,
      fetched: n('fetched'),
      notModified: n('notModified'),
      unchanged: n('unchanged'),
      extracted: n('extracted'),
      disallowed: n('disallowed'),
      overLimit: n('overLimit'),
      failed: n('failed'),
      bytes: n('bytes'),
    };
  }
}
