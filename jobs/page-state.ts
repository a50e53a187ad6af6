import type { Redis } from 'ioredis';

/** What the last fetch of a URL left: the validators for a conditional GET and the body's hash. */
export interface PageState {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  /** When it was last fetched (or found not modified), ISO 8601. */
  fetchedAt: string;
}

/**
 * Per-URL fetch state in Redis (`zi:page:<url>`), shared by all workers. It is a cache that saves
 * bandwidth: if Redis loses it, pages are fetched in full once more and the store, keyed by content,
 * still holds each document once.
 */
export class PageStates {
  constructor(private readonly redis: Redis) {}

  async get(url: string): Promise<PageState | null> {
    const h = await this.redis.hgetall(`zi:page:${url}`);
    if (!h.fetchedAt) return null;
    return {
      etag: h.etag || null,
      lastModified: h.lastModified || null,
      sha256: h.sha256 || null,
      fetchedAt: h.fetchedAt,
    };
  }

  async set(url: string, state: PageState): Promise<void> {
    await this.redis.hset(`zi:page:${url}`, {
      etag: state.etag ?? '',
      lastModified: state.lastModified ?? '',
      sha256: state.sha256 ?? '',
      fetchedAt: state.fetchedAt,
    });
  }

  /** A not-modified answer: the validators stand, only the time moves. */
  async touch(url: string, at: string): Promise<void> {
    await this.redis.hset(`zi:page:${url}`, 'fetchedAt', at);
  }
}
