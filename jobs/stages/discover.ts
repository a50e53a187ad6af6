import type { Job } from 'bullmq';
import { DiscoverJobSchema } from '../../models/index.js';
import type { CrawlContext } from '../crawl-context.js';
import { CrawlRun } from '../crawl-run.js';
import { jobData } from '../job-data.js';
import { enqueueFetches } from './enqueue.js';

/** A source's run begins: its start pages, feeds and sitemaps go to the fetch queue. */
export async function discoverStage(job: Job, ctx: CrawlContext): Promise<void> {
  const data = jobData(DiscoverJobSchema, job);
  const source = await ctx.sources.get(data.source);
  const run = new CrawlRun(ctx.redis, data.runId ?? `${source.name}-${job.timestamp.toString(36)}`);
  if (!data.runId) await run.admit([discoverMember(source.name)]);
  const seeds = [
    ...source.startUrls.map((url) => ({ url, role: 'listing' as const, lastmod: null })),
    ...source.feeds.map((url) => ({ url, role: 'feed' as const, lastmod: null })),
    ...source.sitemaps.map((url) => ({ url, role: 'sitemap' as const, lastmod: null })),
  ];
  await enqueueFetches(ctx, run, source.name, seeds, job.attemptsStarted > 1);
  await run.finish(discoverMember(source.name), null);
}

/** The run member standing for a source's discovery step. */
export function discoverMember(source: string): string {
  return `discover:${source}`;
}
