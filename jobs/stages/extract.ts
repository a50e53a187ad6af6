import { type Job, UnrecoverableError } from 'bullmq';
import { ExtractJobSchema } from '../../models/index.js';
import { InputError } from '../../pipeline/errors.js';
import { regenciesOf } from '../../pipeline/merge/index.js';
import type { CrawlContext } from '../crawl-context.js';
import { CrawlRun } from '../crawl-run.js';
import { jobData } from '../job-data.js';
import { MERGE_DEDUPLICATION, MERGE_DELAY_MS } from '../queues.js';
import { PENDING_MERGE } from './merge.js';

/**
 * A fetched article or report through the same stage function as `zi run` (parse → extract), saved in
 * one transaction; its regencies are marked for the next merge. Only then is the page's hash
 * remembered, so a page whose extraction failed is not taken for unchanged next time.
 */
export async function extractStage(job: Job, ctx: CrawlContext): Promise<void> {
  const data = jobData(ExtractJobSchema, job);
  const raw = Buffer.from(data.body, 'base64');
  let done: Awaited<ReturnType<CrawlContext['process']>>;
  try {
    done = await ctx.process(data.url, raw, { url: data.url }, data.charset);
  } catch (error) {
    // A document that cannot be read never will be: record why on the job instead of retrying.
    if (error instanceof InputError) throw new UnrecoverableError(error.message);
    throw error;
  }
  await ctx.store.saveDocument(done.document, done.raw, done.extractorVersion, done.facts);
  const regencies = [...regenciesOf(done.facts)];
  if (regencies.length > 0) {
    await ctx.redis.sadd(PENDING_MERGE, ...regencies);
    await ctx.queues.merge.add('merge', {}, { deduplication: MERGE_DEDUPLICATION, delay: MERGE_DELAY_MS });
  }
  await ctx.pages.set(data.url, {
    etag: data.etag,
    lastModified: data.lastModified,
    sha256: data.sha256,
    fetchedAt: data.fetchedAt,
  });
  await new CrawlRun(ctx.redis, data.runId).finish(data.url, 'extracted');
}
