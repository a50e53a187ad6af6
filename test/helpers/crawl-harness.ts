import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimelineEvent } from '../../models/index.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import { type FixtureSite, type FixtureSiteOptions, startFixtureSite } from './fixture-site.js';
import { type RedisServer, startRedis } from './redis-server.js';

/** A crawl test's world: a real Redis, the fixture site, a sources file for it, a store file. */
export interface CrawlWorld {
  redis: RedisServer;
  site: FixtureSite;
  dir: string;
  sourcesFile: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** What the world's worker processes printed, and how each one ended: read when a crawl fails. */
  workerLog: string[];
  close(): Promise<void>;
}

export async function startCrawlWorld(
  site: FixtureSiteOptions,
  rate: { minDelaySeconds: number; concurrency: number } = { minDelaySeconds: 0, concurrency: 1 },
): Promise<CrawlWorld> {
  const redis = await startRedis();
  const fixture = await startFixtureSite(site);
  const dir = mkdtempSync(join(tmpdir(), 'zi-crawl-'));
  const sourcesFile = join(dir, 'sources.yml');
  const o = fixture.origin;
  writeFileSync(
    sourcesFile,
    [
      'userAgent: zi-timeline-test/1.0',
      'sources:',
      '  - name: fixture',
      `    startUrls: ["${o}/berita/", "${o}/laporan/"]`,
      `    feeds: ["${o}/rss.xml"]`,
      `    sitemaps: ["${o}/sitemap.xml"]`,
      `    follow: ['/berita/\\?page=\\d+$']`,
      // Broad on purpose: the private pages match it, so only robots.txt keeps them out.
      `    articles: '\\.html$'`,
      `    reports: ['/laporan/[^/]+\\.pdf$']`,
      `    rate: { minDelaySeconds: ${rate.minDelaySeconds}, concurrency: ${rate.concurrency} }`,
      '    pageLimit: 10000',
      '',
    ].join('\n'),
  );
  const db = join(dir, 'crawl.db');
  const env = {
    ...process.env,
    REDIS_URL: redis.url,
    ZI_DB: db,
    ZI_ALLOW_ADDRESSES: '127.0.0.1',
    ZI_JOB_LOCK_MS: '2000',
    // Bounds how long a killed worker's host lease lasts, as well as each fetch.
    ZI_FETCH_TIMEOUT_MS: '4000',
  };
  return {
    redis,
    site: fixture,
    dir,
    sourcesFile,
    db,
    env,
    workerLog: [],
    async close() {
      await fixture.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `zi worker` in a process of its own; `extractThreads` as its option, by default the worker's own. */
export function startWorker(world: CrawlWorld, concurrency = 4, extractThreads?: number): ChildProcess {
  const threads = extractThreads === undefined ? [] : ['--extract-threads', String(extractThreads)];
  const child = spawn('node', ['bin/zi.mjs', 'worker', '--concurrency', String(concurrency), ...threads], {
    env: world.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const name = `worker ${child.pid}`;
  child.stderr?.on('data', (d: Buffer) => world.workerLog.push(`${name}: ${d.toString().trimEnd()}`));
  child.on('exit', (code, signal) => world.workerLog.push(`${name} exited (${signal ?? `code ${code}`})`));
  return child;
}

/** Settles once a `zi worker` says it is ready (connected, its extract threads loaded); fails if it exits first. */
export function workerReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      if (!/^worker \d+: .*concurrency/m.test(d.toString())) return;
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`worker ${child.pid} exited (${signal ?? `code ${code}`})`)),
    );
  });
}

export async function stopWorker(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

/**
 * `zi crawl --once`, to its end; by default with the world's sources file. A crawl still running after
 * `timeoutMs` is stopped, so a test fails with what it printed (its stall reports) instead of hanging.
 */
export function crawlOnce(
  world: CrawlWorld,
  sourcesFile = world.sourcesFile,
  timeoutMs = 150_000,
): Promise<{ status: number | null; stdout: string; stderr: string; workers: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/zi.mjs', 'crawl', '--sources', sourcesFile, '--once'], {
      env: world.env,
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (status) => resolve({ status, stdout, stderr, workers: world.workerLog.join('\n') }));
  });
}

/**
 * Every article and report the site lists, minus what robots.txt forbids, saved as files with their
 * URL beside each: the pages a crawl may fetch, for `zi run`.
 */
export async function savePages(world: CrawlWorld, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const urls = [...world.site.articleUrls, ...world.site.pdfUrls];
  for (const [k, url] of urls.entries()) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const file = join(dir, `${String(k).padStart(5, '0')}.${url.endsWith('.pdf') ? 'pdf' : 'html'}`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    writeFileSync(file.replace(/\.\w+$/, '.meta.json'), JSON.stringify({ url }));
  }
  return dir;
}

/** The timeline `zi run` builds from the pages a crawl may fetch. */
export async function referenceTimeline(world: CrawlWorld): Promise<TimelineEvent[]> {
  const dir = await savePages(world, join(world.dir, 'pages'));
  const store = SqliteStore.open(join(world.dir, 'reference.db'));
  try {
    await runFiles(listInputs([dir]), store);
    return comparable(await store.timeline());
  } finally {
    await store.close();
  }
}

export async function storedTimeline(db: string): Promise<TimelineEvent[]> {
  const store = SqliteStore.open(db);
  try {
    return comparable(await store.timeline());
  } finally {
    await store.close();
  }
}

/** Events with what differs by how a document came in (a file path or a URL as its source) left out. */
function comparable(events: TimelineEvent[]): TimelineEvent[] {
  return events.map((e) => ({
    ...e,
    sources: e.sources.map((s) => ({ ...s, source: s.url ?? s.source })),
  }));
}
