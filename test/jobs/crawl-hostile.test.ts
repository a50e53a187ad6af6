import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CrawlWorld,
  crawlOnce,
  startCrawlWorld,
  startWorker,
  stopWorker,
} from '../helpers/crawl-harness.js';

describe('a crawl that meets hostile pages', () => {
  let world: CrawlWorld;
  let result: Awaited<ReturnType<typeof crawlOnce>>;

  beforeAll(async () => {
    world = await startCrawlWorld({ crawlDelaySeconds: 0 });
    const sources = join(world.dir, 'hostile.yml');
    // The listing's first page links every hostile endpoint; here they count as articles.
    writeFileSync(
      sources,
      [
        'sources:',
        '  - name: hostile',
        `    startUrls: ["${world.site.origin}/berita/"]`,
        `    articles: '/hostile/(error-500|flaky|rate-limited|gzip-bomb|not-html|redirect-loop|wrong-charset|huge)$'`,
        '    rate: { minDelaySeconds: 0 }',
        '',
      ].join('\n'),
    );
    const worker = startWorker(world);
    try {
      result = await crawlOnce(world, sources, 100_000);
    } finally {
      await stopWorker(worker);
    }
  }, 120_000);
  afterAll(async () => world?.close());

  it('finishes the run, each page either stored or failed with its reason', () => {
    expect(result.status, `${result.stderr}\n${result.workers}`).toBe(0);
    expect(result.stdout).toMatch(/: 10\/10 done · 1 pages read · 3 documents extracted .* 5 failed/);
    const failed = (path: string) =>
      new RegExp(`failed ${world.site.origin}/hostile/${path}: .+`).exec(result.stderr)?.[0];
    expect(failed('gzip-bomb')).toMatch(/over \d+ bytes once decompressed/);
    expect(failed('huge')).toMatch(/over \d+ bytes/);
    expect(failed('redirect-loop')).toMatch(/more than 5 redirects/);
    expect(failed('error-500')).toMatch(/HTTP 500/);
    expect(failed('not-html')).toMatch(/binary|no article text|cannot/i);
  });

  it('retries a flaky page and waits out a Retry-After, then reads both', () => {
    expect(result.stderr).not.toMatch(/failed \S+\/hostile\/flaky/);
    expect(result.stderr).not.toMatch(/failed \S+\/hostile\/rate-limited/);
    const limited = world.site.requests.filter((r) => r.path === '/hostile/rate-limited');
    expect(limited.map((r) => r.status)).toEqual([429, 200]);
    expect((limited[1]?.at ?? 0) - (limited[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_000 - 5);
    expect(world.site.requests.filter((r) => r.path === '/hostile/flaky').map((r) => r.status)).toEqual([
      500, 500, 200,
    ]);
  });
});
