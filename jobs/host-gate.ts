import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Per-host politeness shared by every worker on every machine, kept in Redis: at most `slots` requests
 * to a host at once (one, by default), each holding a lease, and no request starting sooner than the
 * host's delay after the last one ended. BullMQ's limiter is per queue, not per key, so this is ours.
 * Redis's clock is the only clock, so workers on machines whose clocks disagree still agree.
 *
 * Keys: `zi:host:<host>:leases` (a sorted set of lease tokens by expiry, so a worker that dies
 * mid-request frees its slot when the lease runs out) and `zi:host:<host>:next` (the earliest time,
 * ms, the next request may start).
 */
export class HostGate {
  constructor(private readonly redis: Redis) {
    redis.defineCommand('ziGateAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('ziGateRelease', { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand('ziGatePushBack', { numberOfKeys: 1, lua: PUSH_BACK });
  }

  /**
   * Takes one of the host's `slots` for `leaseMs` (as long as a request may take) and resolves to its
   * token, or resolves to the milliseconds to wait before asking again.
   */
  async tryAcquire(
    host: string,
    leaseMs: number,
    slots = 1,
  ): Promise<{ token: string } | { waitMs: number }> {
    const token = randomUUID();
    const wait = Number(await this.call('ziGateAcquire', keys(host), token, Math.ceil(leaseMs), slots));
    return wait === 0 ? { token } : { waitMs: wait };
  }

  /** As `tryAcquire`, sleeping here through waits that end before `maxWaitMs`. */
  async acquire(
    host: string,
    leaseMs: number,
    maxWaitMs: number,
    slots = 1,
  ): Promise<{ token: string } | { waitMs: number }> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const got = await this.tryAcquire(host, leaseMs, slots);
      if ('token' in got || Date.now() + got.waitMs > deadline) return got;
      await sleep(got.waitMs);
    }
  }

  /** Ends a request: frees its slot and holds the host for `delayMs` from now. */
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
  return [`zi:host:${host}:leases`, `zi:host:${host}:next`];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How soon to ask again while the host's slots are all held: when a request ends is unknown. */
const HELD_POLL_MS = 20;

// Redis time in milliseconds; TIME is allowed in scripts since Redis 5 (effects replication).
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: leases, next. ARGV: token, leaseMs, slots. Returns 0 when acquired, else the ms to wait. */
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.min(tonumber(first[2]) - now, ${HELD_POLL_MS}))
end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return nextAt - now end
local expires = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], expires, ARGV[1])
redis.call('PEXPIREAT', KEYS[1], expires)
return 0`;

/** KEYS: leases, next. ARGV: token, delayMs. The next start is pushed out, never pulled in. */
const RELEASE = `${NOW}
redis.call('ZREM', KEYS[1], ARGV[1])
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
