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
 *
 * Every update is one Lua script, one round trip: these run several times for every page crawled.
 */
export class CrawlRun {
  constructor(
    private readonly redis: Redis,
    readonly runId: string,
  ) {
    defineScripts(redis);
  }

  private key(part?: string): string {
    return part ? `zi:run:${this.runId}:${part}` : `zi:run:${this.runId}`;
  }

  /** Admits members to the run; for each, whether it is new to the run. */
  async admit(members: readonly string[]): Promise<boolean[]> {
    if (members.length === 0) return [];
    const added = (await this.script(
      'ziRunAdmit',
      [this.key('seen')],
      RUN_TTL_SECONDS,
      ...members,
    )) as number[];
    return added.map((a) => a === 1);
  }

  /** Marks a member finished; its outcome (if it counts as one) is counted only the first time. */
  async finish(member: string, outcome: Outcome | null): Promise<void> {
    await this.script(
      'ziRunFinish',
      [this.key('finished'), this.key()],
      RUN_TTL_SECONDS,
      member,
      outcome ?? '',
    );
  }

  /** Adds to one of the run's counters (bytes transferred, outcomes). */
  async add(counter: Outcome | 'bytes', n: number): Promise<void> {
    await this.script('ziRunAdd', [this.key()], RUN_TTL_SECONDS, counter, n);
  }

  /** Counts a URL against a source's page limit (once, however often its job runs); false past the limit. */
  async takePage(source: string, url: string, limit: number): Promise<boolean> {
    return (
      (await this.script('ziRunTakePage', [this.key(`pages:${source}`)], RUN_TTL_SECONDS, url, limit)) === 1
    );
  }

  /** Up to `limit` admitted members not finished yet. */
  async unfinished(limit: number): Promise<string[]> {
    return (await this.redis.sdiff(this.key('seen'), this.key('finished'))).slice(0, limit);
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

  private script(name: string, keys: string[], ...args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
    if (!fn) throw new Error(`Redis script ${name} is not defined`);
    return fn.call(this.redis, ...keys, ...args);
  }
}

const defined = new WeakSet<Redis>();

function defineScripts(redis: Redis): void {
  if (defined.has(redis)) return;
  defined.add(redis);
  // KEYS: seen. ARGV: ttl, member… Returns 1 or 0 per member.
  redis.defineCommand('ziRunAdmit', {
    numberOfKeys: 1,
    lua: `local out = {}
for i = 2, #ARGV do out[#out + 1] = redis.call('SADD', KEYS[1], ARGV[i]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return out`,
  });
  // KEYS: finished, counters. ARGV: ttl, member, outcome ('' for none).
  redis.defineCommand('ziRunFinish', {
    numberOfKeys: 2,
    lua: `local added = redis.call('SADD', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[1])
if added == 1 and ARGV[3] ~= '' then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  redis.call('EXPIRE', KEYS[2], ARGV[1])
end
return added`,
  });
  // KEYS: counters. ARGV: ttl, counter, n.
  redis.defineCommand('ziRunAdd', {
    numberOfKeys: 1,
    lua: `redis.call('HINCRBY', KEYS[1], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`,
  });
  // KEYS: pages. ARGV: ttl, url, limit. A URL past the limit does not hold a place in the count.
  redis.defineCommand('ziRunTakePage', {
    numberOfKeys: 1,
    lua: `if redis.call('SISMEMBER', KEYS[1], ARGV[2]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`,
  });
}
