import type { Redis } from 'ioredis';
import { FetchError, fetchUrl } from '../pipeline/fetch/http-fetch.js';
import { type RobotsPolicy, robotsPolicyFor, robotsUrlOf } from '../pipeline/fetch/robots.js';
import type { FetchSettings } from './crawl-context.js';

/** RFC 9309 lets a crawler keep robots.txt a day; a failure to read it is retried sooner. */
const KEEP_SECONDS = 24 * 3600;
const KEEP_FAILURE_SECONDS = 10 * 60;
/** RFC 9309: at least the first 500 KiB must be read; more is not needed. */
const ROBOTS_MAX_BYTES = 512 * 1024;

interface CachedRobots {
  /** HTTP status, or null when the host could not be reached. */
  status: number | null;
  text: string;
}

/**
 * Each host's robots.txt, fetched once and shared by every worker through Redis
 * (`zi:robots:<origin>`), so all machines obey the same rules and the host is asked once a day.
 */
export class RobotsCache {
  private readonly local = new Map<string, { at: number; policy: RobotsPolicy }>();

  constructor(private readonly redis: Redis) {}

  /** The policy for a URL's host if it is known already; null means robots.txt must be fetched first. */
  async cached(url: string): Promise<RobotsPolicy | null> {
    const robotsUrl = robotsUrlOf(url);
    const hit = this.local.get(robotsUrl);
    if (hit && Date.now() - hit.at < 60_000) return hit.policy;
    const json = await this.redis.get(`zi:robots:${robotsUrl}`);
    if (json === null) return null;
    const { status, text } = JSON.parse(json) as CachedRobots;
    const policy = robotsPolicyFor(robotsUrl, status, text);
    this.local.set(robotsUrl, { at: Date.now(), policy });
    return policy;
  }

  /** Fetches robots.txt (the caller holds the host's turn) and keeps what it said. */
  async fetch(url: string, settings: FetchSettings): Promise<RobotsPolicy> {
    const robotsUrl = robotsUrlOf(url);
    let cached: CachedRobots;
    try {
      const result = await fetchUrl(robotsUrl, {
        userAgent: settings.userAgent,
        timeoutMs: settings.timeoutMs,
        maxBytes: ROBOTS_MAX_BYTES,
        allowAddress: settings.allowAddress,
      });
      cached =
        result.kind === 'fetched'
          ? { status: result.status, text: new TextDecoder().decode(result.body) }
          : { status: 304, text: '' };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      // A robots.txt too large is read as far as the cap allows elsewhere; here it counts as unreachable.
      cached = { status: error.status ?? null, text: '' };
    }
    const ok = cached.status !== null && cached.status < 500;
    await this.redis.set(
      `zi:robots:${robotsUrl}`,
      JSON.stringify(cached),
      'EX',
      ok ? KEEP_SECONDS : KEEP_FAILURE_SECONDS,
    );
    const policy = robotsPolicyFor(robotsUrl, cached.status, cached.text);
    this.local.set(robotsUrl, { at: Date.now(), policy });
    return policy;
  }
}
