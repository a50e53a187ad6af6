import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import {
  type CrawlWorld,
  crawlOnce,
  referenceTimeline,
  startCrawlWorld,
  startWorker,
  stopWorker,
  storedTimeline,
} from '../helpers/crawl-harness.js';

/** Until the site has answered `n` requests: the crawl is under way. */
async function requestsReach(world: CrawlWorld, n: number): Promise<void> {
  while (world.site.requests.length < n) await new Promise((r) => setTimeout(r, 20));
}

async function documentsIn(db: string): Promise<number> {
  const store = SqliteStore.open(db);
  try {
    return (await store.counts()).documents;
  } finally {
    await store.close();
  }
}

describe('a crawl survives its faults', () => {
  let world: CrawlWorld | undefined;
  afterEach(async () => world?.close());

  it('a worker killed with SIGKILL mid-crawl: its jobs are taken up again, every page stored once', async () => {
    world = await startCrawlWorld({ crawlDelaySeconds: 0.05 });
    const doomed = startWorker(world);
    const survivor = startWorker(world);
    const crawl = crawlOnce(world);
    await requestsReach(world, 25);
    await stopWorker(doomed, 'SIGKILL');
    const result = await crawl;
    await stopWorker(survivor);
    expect(result.status, `${result.stderr}\n${result.workers}`).toBe(0);
    expect(await documentsIn(world.db)).toBe(world.site.articleUrls.length + world.site.pdfUrls.length);
    expect(await storedTimeline(world.db)).toEqual(await referenceTimeline(world));
  }, 180_000);

  it('Redis restarted mid-crawl: the workers reconnect and the run completes, every page stored once', async () => {
    world = await startCrawlWorld({ crawlDelaySeconds: 0.05 });
    const workers = [startWorker(world), startWorker(world)];
    const crawl = crawlOnce(world);
    await requestsReach(world, 25);
    await world.redis.restart();
    const result = await crawl;
    for (const w of workers) await stopWorker(w);
    expect(result.status, `${result.stderr}\n${result.workers}`).toBe(0);
    expect(await documentsIn(world.db)).toBe(world.site.articleUrls.length + world.site.pdfUrls.length);
    expect(await storedTimeline(world.db)).toEqual(await referenceTimeline(world));
  }, 180_000);
});
