import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CrawlWorld,
  crawlOnce,
  referenceTimeline,
  startCrawlWorld,
  startWorker,
  stopWorker,
  storedTimeline,
} from '../helpers/crawl-harness.js';

const CRAWL_DELAY = 0.2;

describe('crawling the fixture site through BullMQ with two worker processes', () => {
  let world: CrawlWorld;
  let first: Awaited<ReturnType<typeof crawlOnce>>;
  let firstRequests: number;

  beforeAll(async () => {
    world = await startCrawlWorld({ crawlDelaySeconds: CRAWL_DELAY });
    const workers = [startWorker(world), startWorker(world)];
    try {
      first = await crawlOnce(world);
      firstRequests = world.site.requests.length;
    } finally {
      for (const w of workers) expect(await stopWorker(w)).toBe(0);
    }
  }, 180_000);
  afterAll(async () => world?.close());

  it('finishes the run and reports what it read', () => {
    expect(first.status, `${first.stderr}\n${first.workers}`).toBe(0);
    expect(first.stdout).toMatch(/crawl run-\S+: (\d+)\/\1 done/);
    const extracted = Number(/(\d+) documents extracted/.exec(first.stdout)?.[1]);
    expect(extracted).toBe(world.site.articleUrls.length + world.site.pdfUrls.length);
  });

  it('builds the same timeline as zi run on the same pages', async () => {
    const crawled = await storedTimeline(world.db);
    const reference = await referenceTimeline(world);
    expect(crawled.length).toBeGreaterThan(20);
    expect(crawled).toEqual(reference);
  }, 60_000);

  it('fetches nothing robots.txt disallows', () => {
    const crawl = world.site.requests.slice(0, firstRequests);
    expect(crawl.some((r) => r.path === '/robots.txt')).toBe(true);
    expect(crawl.filter((r) => r.path.startsWith('/private/'))).toEqual([]);
  });

  it('never sends the host two requests closer than its crawl delay', () => {
    const times = world.site.requests
      .slice(0, firstRequests)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, k) => t - (times[k] as number));
    // A millisecond for the two clocks (Redis's and the site's) to disagree in rounding.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CRAWL_DELAY * 1000 - 1);
  });

  it('re-crawls the unchanged site for a small fraction of the bytes, extracting nothing again', async () => {
    const before = world.site.requests.length;
    const workers = [startWorker(world), startWorker(world)];
    let again: Awaited<ReturnType<typeof crawlOnce>>;
    try {
      again = await crawlOnce(world);
    } finally {
      for (const w of workers) await stopWorker(w);
    }
    expect(again.status, `${again.stderr}\n${again.workers}`).toBe(0);
    expect(again.stdout).toMatch(/ 0 documents extracted/);
    const bytes = (from: number, to: number) =>
      world.site.requests.slice(from, to).reduce((n, r) => n + r.bytes, 0);
    const firstBytes = bytes(0, firstRequests);
    const secondBytes = bytes(before, world.site.requests.length);
    expect(secondBytes / firstBytes).toBeLessThanOrEqual(0.1);
  }, 180_000);
});
