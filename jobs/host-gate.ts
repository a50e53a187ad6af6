import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Per-host politeness shared by every worker on every machine, kept in Redis: one request to a host at
 * a time (a lease), and the next one no sooner than the host's delay after the last ended. BullMQ's own
 * limiter is per queue, not per key, so this is ours. Redis's clock is the only clock, so workers on
 * machines whose clocks disagree still agree on the spacing.
 *
 * Keys: `zi:host:<host>:lease` (the holder's token, expiring if its worker dies mid-request) and
 * `zi:host:<host>:next` (the earliest time, ms, the next request may start).
 */
export class HostGate {
  constructor(private readonly redis: Redis) {
    redis.defineCommand('ziGateAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('ziGateRelease', { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand('ziGatePushBack', { numberOfKeys: 1, lua: PUSH_BACK });
  }

  /**
   * Takes the host's lease for `leaseMs` (as long as a request may take) and resolves to its token, or
   * resolves to the milliseconds to wait before asking again.
   */
  async tryAcquire(host: string, leaseMs: number): Promise<{ token: string } | { waitMs: number }> {
    const token = randomUUID();
    const wait = Number(await this.call('ziGateAcquire', keys(host), token, Math.ceil(leaseMs)));
    return wait === 0 ? { token } : { waitMs: wait };
  }

  /** Waits (here) until the host is free, then holds it; for waits a worker may spend asleep. */
  async acquire(
    host: string,
    leaseMs: number,
    maxWaitMs: number,
  ): Promise<{ token: string } | { waitMs: number }> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const got = await this.tryAcquire(host, leaseMs);
      if ('token' in got || Date.now() + got.waitMs > deadline) return got;
      await sleep(got.waitMs);
    }
  }

  /** Ends the request: frees the lease and holds the host for `delayMs` from now. */
  async release(host: string, token: string, delayMs: number): Promise<void> {
    await this.call('ziGateRelease', keys(host), token, Math.ceil(delayMs));
  }

  /** A host asked to be left alone (429/503 Retry-After): nobody starts a request to it for `ms`. */
  async pushBack(host: string, ms: number): Promise<void> {
    await this.call('ziGatePushBack', [`zi:host:${host}:next`], Math.ceil(ms));
  }

  private call(command: string, keyList: string[], ...args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[command];
    if (!fn) throw new Error(`Redis command ${command} is not defined`);
    return fn.call(this.redis, ...keyList, ...args);
  }
}

function keys(host: string): string[] {
  return [`zi:host:${host}:lease`, `zi:host:${host}:next`];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How soon to ask again while another request holds the host. */
const HELD_POLL_MS = 50;

// Redis time in milliseconds; TIME is allowed in scripts since Redis 5 (effects replication).
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: lease, next. ARGV: token, leaseMs. Returns 0 when acquired, else the ms to wait. While another
 * request holds the host, when it ends is unknown (its lease is only the longest it may take), so the
 * answer is a short poll, not the lease's expiry.
 */
const ACQUIRE = `${NOW}
local held = redis.call('PTTL', KEYS[1])
if held > 0 then return math.min(held, ${HELD_POLL_MS}) end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return nextAt - now end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0`;

/** KEYS: lease, next. ARGV: token, delayMs. The next start is pushed out, never pulled in. */
const RELEASE = `${NOW}
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
local nextAt = now + tonumber(ARGV[2])
local was = tonumber(redis.call('GET', KEYS[2]) or '0')
if was > nextAt then nextAt = was end
redis.call('SET', KEYS[2], nextAt, 'PX', nextAt - now + 60000)
return nextAt`;

/** KEYS: next. ARGV: ms. */
const PUSH_BACK = `${NOW}
local nextAt = now + tonumber(ARGV[1])
local was = tonumber(redis.call('GET', KEYS[1]) or '0')
if was > nextAt then nextAt = was end
redis.call('SET', KEYS[1], nextAt, 'PX', nextAt - now + 60000)
return nextAt`;
