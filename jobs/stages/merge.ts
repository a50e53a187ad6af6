import { rebuild } from '../../pipeline/rebuild.js';
import type { CrawlContext } from '../crawl-context.js';

/** Regencies that new documents touched since the last merge. */
export const PENDING_MERGE = 'zi:merge:pending';
/** The regencies the running merge took; kept until it succeeds, so a crash loses none. */
const MERGING = 'zi:merge:working';

/**
 * Merges again the regencies new documents touched, with the same function as `zi run`. Merges never
 * overlap (one job, deduplicated while it runs), so two cannot write one regency from different
 * snapshots of the store.
 */
export async function mergeStage(ctx: CrawlContext): Promise<{ regencies: number; events: number }> {
  // Taken atomically: a regency marked while this runs waits in the pending set for the next merge.
  await ctx.redis.multi().sunionstore(MERGING, MERGING, PENDING_MERGE).del(PENDING_MERGE).exec();
  const regencies = await ctx.redis.smembers(MERGING);
  if (regencies.length === 0) return { regencies: 0, events: 0 };
  const { events } = await rebuild(ctx.store, { regencies: new Set(regencies) });
  await ctx.redis.del(MERGING);
  return { regencies: regencies.length, events };
}
