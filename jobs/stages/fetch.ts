import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type FetchJob, FetchJobSchema, type PageRole } from '../../models/index.js';
import { FetchError, type FetchResult, fetchUrl } from '../../pipeline/fetch/http-fetch.js';
import { feedEntries, pageLinks, sitemapEntries } from '../../pipeline/fetch/links.js';
import type { RobotsPolicy } from '../../pipeline/fetch/robots.js';
import { decodeBytes } from '../../pipeline/parse/charset.js';
import type { CrawlContext } from '../crawl-context.js';
import { CrawlRun } from '../crawl-run.js';
import { jobData } from '../job-data.js';
import type { PageState } from '../page-state.js';
import type { CompiledSource } from '../source-registry.js';
import { enqueueFetches, type FoundLink } from './enqueue.js';

/** How often a host's Retry-After may put one fetch off before it counts as failed. */
const MAX_DEFERRALS = 5;
/** Retry-After is honoured up to an hour; a host asking for more is asked again then. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * One URL of a run: robots.txt first, then the host's turn (shared by every worker), then a
 * conditional GET. A listing, feed or sitemap sends the links the source wants on to be fetched; a
 * new or changed article or report goes to the extract queue; an unchanged one ends here.
 */
export async function fetchStage(job: Job, token: string | undefined, ctx: CrawlContext): Promise<void> {
  const data = jobData(FetchJobSchema, job);
  const run = new CrawlRun(ctx.redis, data.runId);
  const source = await ctx.sources.get(data.source);
  const state = await ctx.pages.get(data.url);
  // The sitemap says the page has not changed since it was last fetched: no request at all.
  if (data.lastmod && state && Date.parse(data.lastmod) <= Date.parse(state.fetchedAt)) {
    await run.finish(data.url, 'unchanged');
    return;
  }
  if (!(await run.takePage(source.name, data.url, source.pageLimit))) {
    await run.finish(data.url, 'overLimit');
    return;
  }
  const host = new URL(data.url).host;
  const userAgent = await ctx.sources.userAgent(ctx.fetch.userAgent);
  const settings = { ...ctx.fetch, userAgent };
  const minDelayMs = source.rate.minDelaySeconds * 1000;
  let robots = await ctx.robots.cached(data.url);
  const delayOf = (policy: RobotsPolicy | null) =>
    Math.max(minDelayMs, (policy?.crawlDelaySeconds(productToken(userAgent)) ?? 0) * 1000);
  // robots.txt is the host's first request, and the crawl delay it names already holds for the next.
  robots ??= await politely(ctx, job, token, host, source.rate.concurrency, delayOf, () =>
    ctx.robots.fetch(data.url, settings),
  );
  if (!robots.isAllowed(data.url, productToken(userAgent))) {
    await run.finish(data.url, 'disallowed');
    return;
  }
  const delayMs = delayOf(robots);
  let result: FetchResult;
  try {
    result = await politely(
      ctx,
      job,
      token,
      host,
      source.rate.concurrency,
      () => delayMs,
      () =>
        fetchUrl(data.url, {
          userAgent,
          timeoutMs: ctx.fetch.timeoutMs,
          maxBytes: ctx.fetch.maxBytes,
          allowAddress: ctx.fetch.allowAddress,
          validators: state ?? undefined,
        }),
    );
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.reason === 'retry-later') return deferForHost(ctx, job, token, data, host, error);
    // Timeouts, network trouble and server errors may pass; the rest will not, however often retried.
    if (error.reason === 'timeout' || error.reason === 'network' || (error.status ?? 0) >= 500) throw error;
    throw new UnrecoverableError(error.message);
  }
  await run.add('bytes', result.transferredBytes);
  const now = new Date().toISOString();
  if (result.kind === 'not-modified') {
    await ctx.pages.touch(data.url, now);
    await run.finish(data.url, 'notModified');
    return;
  }
  const fetched: PageState = {
    etag: result.etag,
    lastModified: result.lastModified,
    sha256: result.sha256,
    fetchedAt: now,
  };
  if (state?.sha256 === result.sha256) {
    await ctx.pages.set(data.url, fetched);
    await run.finish(data.url, 'unchanged');
    return;
  }
  if (data.role === 'article' && source.patterns.reports.length > 0) {
    // Reports are often linked only from the article announcing them; a source without report patterns
    // has nothing to look for, and the page is not parsed for links.
    const reports = linksOf('listing', result, source).filter((link) => link.role === 'report');
    await enqueueFetches(ctx, run, source.name, reports, job.attemptsStarted > 1);
  }
  if (data.role === 'article' || data.role === 'report') {
    await ctx.queues.extract.add(
      data.role,
      {
        runId: data.runId,
        source: data.source,
        url: data.url,
        body: Buffer.from(result.body).toString('base64'),
        charset: result.charset,
        ...fetched,
      },
      { jobId: job.id },
    );
    return;
  }
  await enqueueFetches(ctx, run, source.name, linksOf(data.role, result, source), job.attemptsStarted > 1);
  await ctx.pages.set(data.url, fetched);
  await run.finish(data.url, 'fetched');
}

/**
 * Runs one request in the host's turn. A short wait is slept here; a long one (a large crawl delay,
 * another worker's Retry-After) puts the job back on the queue for when the host is free, so the
 * worker's slot goes to other hosts meanwhile.
 */
async function politely<T>(
  ctx: CrawlContext,
  job: Job,
  token: string | undefined,
  host: string,
  slots: number,
  delayAfter: (result: T | null) => number,
  request: () => Promise<T>,
): Promise<T> {
  const lease = await ctx.gate.acquire(host, ctx.fetch.timeoutMs + 1_000, ctx.fetch.maxGateSleepMs, slots);
  if ('waitMs' in lease) {
    await job.moveToDelayed(Date.now() + lease.waitMs, token);
    throw new DelayedError();
  }
  let result: T | null = null;
  try {
    result = await request();
    return result;
  } finally {
    await ctx.gate.release(host, lease.token, delayAfter(result));
  }
}

async function deferForHost(
  ctx: CrawlContext,
  job: Job,
  token: string | undefined,
  data: FetchJob,
  host: string,
  error: FetchError,
): Promise<never> {
  const waitMs = Math.min(error.retryAfterMs ?? 60_000, MAX_RETRY_AFTER_MS);
  await ctx.gate.pushBack(host, waitMs);
  if (data.deferrals >= MAX_DEFERRALS)
    throw new UnrecoverableError(`${error.message} (put off ${data.deferrals} times already)`);
  await job.updateData({ ...data, deferrals: data.deferrals + 1 });
  await job.moveToDelayed(Date.now() + waitMs, token);
  throw new DelayedError();
}

/** The links of a listing, feed or sitemap that the source wants, with what each one is. */
function linksOf(
  role: PageRole,
  result: Extract<FetchResult, { kind: 'fetched' }>,
  source: CompiledSource,
): FoundLink[] {
  const { text } = decodeBytes(result.body, result.charset);
  const found: FoundLink[] = [];
  const keep = (url: string, lastmod: string | null, fallback: PageRole | null) => {
    const r = roleOf(url, source) ?? fallback;
    if (r && source.hosts.has(new URL(url).hostname)) found.push({ url, role: r, lastmod });
  };
  if (role === 'sitemap') {
    const { sitemaps, pages } = sitemapEntries(text, result.url);
    for (const url of sitemaps) keep(url, null, 'sitemap');
    for (const page of pages) keep(page.url, page.lastmod, null);
  } else if (role === 'feed') {
    for (const entry of feedEntries(text, result.url)) keep(entry.url, null, null);
  } else {
    for (const url of pageLinks(text, result.url)) keep(url, null, null);
  }
  return found;
}

/** The sources file's rule (models/sources.ts): a listing to follow, else an article, else a report. */
function roleOf(url: string, source: CompiledSource): PageRole | null {
  if (source.patterns.follow.some((p) => p.test(url))) return 'listing';
  if (source.patterns.articles.test(url)) return 'article';
  if (source.patterns.reports.some((p) => p.test(url))) return 'report';
  return null;
}

/** robots.txt groups name a crawler by its product token: "zi-timeline" of "zi-timeline/0.1 (…)". */
function productToken(userAgent: string): string {
  return userAgent.split(/[\s/]/)[0] ?? userAgent;
}
