/**
 * The crawl figures of issue 5, measured in one run: a local site of about 5,000 pages crawled
 * through BullMQ and a real Redis with politeness off, by one and by two worker processes, against
 * `zi run` on the very same pages saved as files; then a re-crawl of the unchanged site and the share
 * of bytes it transferred.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CrawlWorld,
  crawlOnce,
  savePages,
  startCrawlWorld,
  startWorker,
  stopWorker,
  workerReady,
} from '../test/helpers/crawl-harness.js';

const CORPUS_PAGES = 66;

async function timedCrawl(
  world: CrawlWorld,
  workers: number,
): Promise<{ seconds: number; documents: number }> {
  // One thread per core in all: a lone worker parses and extracts on the other core (its default), two
  // workers on two cores do it on their own threads.
  const procs = Array.from({ length: workers }, () => startWorker(world, 16, workers > 1 ? 0 : undefined));
  try {
    // Workers are long-running: the run is timed from the moment they are ready to take it.
    await Promise.all(procs.map(workerReady));
    const start = performance.now();
    const result = await crawlOnce(world);
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`crawl failed: ${result.stderr}`);
    const documents = Number(/(\d+) documents extracted/.exec(result.stdout)?.[1] ?? Number.NaN);
    return { seconds, documents };
  } finally {
    for (const p of procs) await stopWorker(p);
  }
}

function timedRun(dir: string, db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('node', ['bin/zi.mjs', 'run', dir], {
      env: { ...process.env, ZI_DB: db },
      stdio: 'ignore',
    });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - start) / 1000) : reject(new Error(`zi run exited ${code}`)),
    );
  });
}

export async function benchCrawl(pages: number): Promise<void> {
  const site = { crawlDelaySeconds: 0, syntheticPages: Math.max(0, pages - CORPUS_PAGES) };
  // Politeness off: no delay, and as many requests in flight to the one host as the workers can send.
  const rate = { minDelaySeconds: 0, concurrency: 16 };
  console.log(
    `\ncrawl: a local site of ${pages.toLocaleString('en')} pages (127.0.0.1), politeness off, SQLite store`,
  );
  const rates: Record<string, number> = {};
  let recrawl = '';
  for (const workers of [1, 2]) {
    const world = await startCrawlWorld(site, rate);
    try {
      const { seconds, documents } = await timedCrawl(world, workers);
      rates[workers] = documents / seconds;
      console.log(
        `  BullMQ, ${workers} worker process${workers > 1 ? 'es' : ''}: ${documents.toLocaleString('en')} documents in ${seconds.toFixed(1)} s, ${rates[workers]?.toFixed(0)} pages/s`,
      );
      if (workers === 2) {
        const firstRequests = world.site.requests.length;
        const firstBytes = world.site.requests.reduce((n, r) => n + r.bytes, 0);
        await timedCrawl(world, workers);
        const againBytes = world.site.requests.slice(firstRequests).reduce((n, r) => n + r.bytes, 0);
        const share = againBytes / firstBytes;
        recrawl = `  re-crawl of the unchanged site: ${(againBytes / 1e6).toFixed(2)} MB of ${(firstBytes / 1e6).toFixed(1)} MB, ${(100 * share).toFixed(1)}%; target ≤ 10%: ${share <= 0.1 ? 'met' : 'NOT met'}`;
      }
    } finally {
      await world.close();
    }
  }
  const world = await startCrawlWorld(site);
  const work = mkdtempSync(join(tmpdir(), 'zi-bench-run-'));
  try {
    const dir = await savePages(world, join(work, 'pages'));
    const count = world.site.articleUrls.length + world.site.pdfUrls.length;
    const seconds = await timedRun(dir, join(work, 'run.db'));
    const runRate = count / seconds;
    console.log(
      `  zi run on the same pages as files: ${count.toLocaleString('en')} documents in ${seconds.toFixed(1)} s, ${runRate.toFixed(0)} pages/s`,
    );
    for (const workers of [1, 2]) {
      const ratio = (rates[workers] ?? 0) / runRate;
      console.log(
        `  ratio, ${workers} worker process${workers > 1 ? 'es' : ''} / zi run: ${ratio.toFixed(2)}; target ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'}`,
      );
    }
    console.log(recrawl);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await world.close();
  }
}
