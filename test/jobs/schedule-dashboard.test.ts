import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../jobs/dashboard.js';
import { type CrawlQueues, openQueues } from '../../jobs/queues.js';
import { connectRedis } from '../../jobs/redis.js';
import { upsertSchedules } from '../../jobs/schedule.js';
import { parseSources } from '../../pipeline/sources/load-sources.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

const twoSources = `
sources:
  - name: radar-contoh
    startUrls: [https://radar.contoh.id/]
    articles: '/berita/'
    schedule: "0 */6 * * *"
  - name: pemkab-contoh
    feeds: [https://contohkab.go.id/feed]
    articles: '/berita/'
    schedule: "30 7 * * 1"
    timezone: Asia/Makassar
`;

describe('schedulers and the dashboard on a real Redis', () => {
  let server: RedisServer;
  let redis: Redis;
  let queues: CrawlQueues;
  beforeAll(async () => {
    server = await startRedis();
    redis = connectRedis(server.url);
    queues = openQueues(redis);
  });
  afterAll(async () => {
    await queues.close();
    redis.disconnect();
    await server.stop();
  });

  it('upserts one scheduler per source with its cron and zone, idempotently, and drops removed sources', async () => {
    const file = parseSources(twoSources, 'sources.yml');
    await upsertSchedules(redis, queues, file);
    await upsertSchedules(redis, queues, file);
    const schedulers = await queues.discover.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['source-pemkab-contoh', '30 7 * * 1', 'Asia/Makassar'],
      ['source-radar-contoh', '0 */6 * * *', 'Asia/Jakarta'],
    ]);
    const fewer = parseSources(twoSources.split('  - name: pemkab-contoh')[0] as string, 'sources.yml');
    const { removed } = await upsertSchedules(redis, queues, fewer);
    expect(removed).toEqual(['source-pemkab-contoh']);
    expect((await queues.discover.getJobSchedulers()).map((s) => s.key)).toEqual(['source-radar-contoh']);
  });

  it('serves Bull Board with the four crawl queues', async () => {
    const { url, close } = await startDashboard(queues, { port: 0, host: '127.0.0.1' });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = (await (await fetch(`${url}/api/queues`)).json()) as { queues: { name: string }[] };
    expect(api.queues.map((q) => q.name).sort()).toEqual([
      'zi-discover',
      'zi-extract',
      'zi-fetch',
      'zi-merge',
    ]);
    await close();
  });
});
