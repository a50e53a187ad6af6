import { createHash } from 'node:crypto';
import type { FetchJob, PageRole } from '../../models/index.js';
import type { CrawlContext } from '../crawl-context.js';
import type { CrawlRun } from '../crawl-run.js';

export interface FoundLink {
  url: string;
  role: PageRole;
  lastmod: string | null;
}

/**
 * Puts a page's links on the fetch queue for a run, in one round trip, each URL once per run: a URL
 * already admitted (linked from another listing) is left alone. A job that runs again after a crash
 * (`again`) may have admitted its links without queuing them, so it queues them all; the job id, the
 * run and the URL, keeps that from making duplicates. A URL is admitted before its job is queued, so the
 * run cannot look finished while the job is on its way.
 */
export async function enqueueFetches(
  ctx: CrawlContext,
  run: CrawlRun,
  source: string,
  links: readonly FoundLink[],
  again: boolean,
): Promise<void> {
  const fresh = await run.admit(links.map((l) => l.url));
  const jobs = links
    .filter((_, k) => again || fresh[k])
    .map((link) => {
      const data: FetchJob = { runId: run.runId, source, ...link, deferrals: 0 };
      return { name: link.role, data, opts: { jobId: jobIdFor(run.runId, link.url) } };
    });
  if (jobs.length > 0) await ctx.queues.fetch.addBulk(jobs);
}

/** BullMQ job ids may not hold ':'; a hash of the URL keeps them short and safe. */
export function jobIdFor(runId: string, url: string): string {
  return `${runId}-${createHash('sha1').update(url).digest('hex').slice(0, 24)}`;
}
