import { createHash } from 'node:crypto';
import type { FetchJob, PageRole } from '../../models/index.js';
import type { CrawlContext } from '../crawl-context.js';
import type { CrawlRun } from '../crawl-run.js';

/**
 * Puts a URL on the fetch queue for a run, once: the job id is the run and the URL, so a page linked
 * from many listings, or enqueued again by a retried job, is one job. The URL is admitted to the run
 * first, so the run cannot look finished while the job is on its way.
 */
export async function enqueueFetch(
  ctx: CrawlContext,
  run: CrawlRun,
  source: string,
  url: string,
  role: PageRole,
  lastmod: string | null,
): Promise<void> {
  await run.admit(url);
  const data: FetchJob = { runId: run.runId, source, url, role, lastmod, deferrals: 0 };
  await ctx.queues.fetch.add(role, data, { jobId: jobIdFor(run.runId, url) });
}

/** BullMQ job ids may not hold ':'; a hash of the URL keeps them short and safe. */
export function jobIdFor(runId: string, url: string): string {
  return `${runId}-${createHash('sha1').update(url).digest('hex').slice(0, 24)}`;
}
