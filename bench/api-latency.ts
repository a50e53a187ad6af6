/**
 * The API's latency under load (issue 6): `zi serve` in a process of its own over a stored timeline, and
 * 50 clients asking it for regency timelines, so that the figure includes HTTP, routing, validation and
 * serialisation as a browser would meet them, not only the store's query.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { RegencySummarySchema } from '../models/index.js';
import { SqliteStore } from '../pipeline/store/sqlite-store.js';
import { freePort } from '../test/helpers/free-port.js';
import { quantile } from './measure.js';

const CLIENTS = 50;
const TARGET_P95_MS = 100;
const STARTUP_TIMEOUT_MS = 60_000;
/** autocannon's default, named because a request slower than this is counted as an error, not timed. */
const TIMEOUT_SECONDS = 10;
/** The API's largest page, so that the regency list takes as few requests as it can. */
const PAGE_LIMIT = 1000;
const ZI = join(import.meta.dirname, '..', 'bin', 'zi.mjs');

const RegencyPage = z.object({ items: z.array(RegencySummarySchema), total: z.number().int() });

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function untilAnswering(base: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (hasExited(child))
      throw new Error(`zi serve exited before answering:\n${readFileSync(logPath, 'utf8').trim()}`);
    const answered = await fetch(`${base}/api/openapi.json`, { method: 'HEAD' }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    if (performance.now() > deadline)
      throw new Error(`zi serve did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function regencyNames(base: string): Promise<string[]> {
  const names: string[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (names.length < total) {
    const response = await fetch(`${base}/api/regencies?limit=${PAGE_LIMIT}&offset=${names.length}`);
    if (!response.ok) throw new Error(`GET /api/regencies answered ${response.status}`);
    const page = RegencyPage.parse(await response.json());
    // A store that shrank between two pages would otherwise keep this asking forever.
    if (page.items.length === 0) break;
    names.push(...page.items.map((r) => r.regency));
    total = page.total;
  }
  return names;
}

/** The responseTime of every request `zi serve` logged as completed (its log is one JSON object a line). */
function serverTimes(log: string): number[] {
  const times: number[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('"responseTime"')) continue;
    const entry = JSON.parse(line) as { responseTime?: number };
    if (typeof entry.responseTime === 'number') times.push(entry.responseTime);
  }
  return times;
}

interface Load {
  /** Milliseconds of every response, in the order they came. */
  times: number[];
  /** Responses outside 2xx, by status. */
  non2xx: Map<number, number>;
  /** Requests that got no response (refused or broken connections, timeouts), by message. */
  errors: Map<string, number>;
  seconds: number;
}

function tally<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function total(counts: Map<unknown, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

function breakdown(counts: Map<unknown, number>): string {
  return [...counts].map(([key, n]) => `${n.toLocaleString('en')}× ${key}`).join(', ');
}

function load(base: string, paths: readonly string[], seconds: number): Promise<Load> {
  const times: number[] = [];
  const non2xx = new Map<number, number>();
  const errors = new Map<string, number>();
  // One counter for all connections: autocannon walks a request list from its start on every
  // connection, which would send all 50 clients to the same regency at once.
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CLIENTS,
        duration: seconds,
        timeout: TIMEOUT_SECONDS,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }),
          },
        ],
      },
      (error, result) =>
        error ? reject(error) : resolve({ times, non2xx, errors, seconds: result.duration }),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status > 299) tally(non2xx, status);
    });
    instance.on('reqError', (error) => tally(errors, error instanceof Error ? error.message : String(error)));
  });
}

/**
 * Serves the SQLite store at `dbPath` with `zi serve` and measures GET /api/regencies/:regency/timeline
 * (its first page) under 50 concurrent clients for ZI_BENCH_API_SECONDS (default 10), the regencies
 * taken in turn.
 */
export async function benchApiLatency(dbPath: string): Promise<void> {
  const seconds = Number(process.env.ZI_BENCH_API_SECONDS ?? 10);
  const store = SqliteStore.open(dbPath);
  const counts = await store.counts();
  await store.close();

  const work = mkdtempSync(join(tmpdir(), 'zi-bench-api-'));
  const logPath = join(work, 'serve.log');
  // The server logs a line per request: a file takes them without this process having to keep up, as
  // a pipe left unread would stall the server.
  const log = openSync(logPath, 'w');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Without DATABASE_URL it serves the SQLite file even where PostgreSQL is configured, and without
  // REDIS_URL it has no Bull Board, so nothing but the API shares its process.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [ZI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', dbPath],
    { env, stdio: ['ignore', log, log] },
  );
  try {
    await untilAnswering(base, child, logPath);
    const regencies = await regencyNames(base);
    const paths = regencies.map((r) => `/api/regencies/${encodeURIComponent(r)}/timeline`);
    const { times, non2xx, errors, seconds: elapsed } = await load(base, paths, seconds);
    if (times.length === 0) throw new Error(`zi serve answered none of the requests: ${breakdown(errors)}`);
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    const faults = [
      non2xx.size > 0 ? `${total(non2xx).toLocaleString('en')} non-2xx (${breakdown(non2xx)})` : '',
      // A request that timed out has no time of its own, so the percentiles leave out the slowest.
      errors.size > 0 ? `${total(errors).toLocaleString('en')} errors (${breakdown(errors)})` : '',
    ].filter(Boolean);
    const verdict =
      faults.length > 0
        ? 'NOT met (not every request got a 2xx answer)'
        : p95 < TARGET_P95_MS
          ? 'met'
          : 'NOT met';
    const served = serverTimes(readFileSync(logPath, 'utf8')).sort((a, b) => a - b);
    console.log(
      `\nAPI over HTTP (zi serve, its own process): ${counts.documents.toLocaleString('en')} documents, ${counts.events.toLocaleString('en')} events, ${regencies.length} regencies`,
    );
    console.log(
      `  API /api/regencies/:regency/timeline, ${CLIENTS} clients, ${elapsed.toFixed(0)} s: ${times.length.toLocaleString('en')} requests (${Math.round(times.length / elapsed).toLocaleString('en')} req/s), p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms; ${faults.length > 0 ? faults.join(', ') : 'all 2xx'}; target p95 < ${TARGET_P95_MS} ms: ${verdict}`,
    );
    // The server's own time per request, from its log: what is left of the latency above is waiting, in
    // the server's queue and for the two cores it shares with the load generator.
    console.log(
      `  time spent in the server per request (its log's responseTime): p50 ${quantile(served, 0.5).toFixed(1)} ms, p95 ${quantile(served, 0.95).toFixed(1)} ms`,
    );
  } finally {
    await stop(child);
    closeSync(log);
    rmSync(work, { recursive: true, force: true });
  }
}
