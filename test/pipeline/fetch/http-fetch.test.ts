import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchError,
  type FetchFailure,
  type FetchOptions,
  type FetchResult,
  fetchUrl,
  retryAfterMs,
} from '../../../pipeline/fetch/http-fetch.js';
import {
  type FixtureSite,
  HUGE_BYTES,
  RETRY_AFTER_SECONDS,
  startFixtureSite,
} from '../../helpers/fixture-site.js';

const loopback = (ip: string) => ip === '127.0.0.1' || ip === '::1';
const base: FetchOptions = {
  userAgent: 'zi-timeline-test/0.1 (+http://127.0.0.1/)',
  allowAddress: loopback,
  timeoutMs: 5_000,
  idleTimeoutMs: 2_000,
};

async function fetched(url: string, options: Partial<FetchOptions> = {}) {
  const result = await fetchUrl(url, { ...base, ...options });
  if (result.kind !== 'fetched') throw new Error(`${url}: expected a body, got ${result.kind}`);
  return result;
}

async function failure(url: string, options: Partial<FetchOptions> = {}): Promise<FetchError> {
  let result: FetchResult;
  try {
    result = await fetchUrl(url, { ...base, ...options });
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error(`${url}: expected a FetchError, got ${result.kind}`);
}

const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

/** The requests the site logged for one path since `from`. */
const logged = (path: string, from = 0) => site.requests.slice(from).filter((r) => r.path === path);

describe('fetchUrl on the fixture site', () => {
  it('fetches a page gzipped, decoded, with validators and a hash', async () => {
    const url = `${site.origin}/berita/`;
    const before = site.requests.length;
    const page = await fetched(url);
    expect(page).toMatchObject({
      url,
      redirects: [],
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
    });
    expect(text(page.body)).toContain('<h1>');
    expect(page.etag).toMatch(/^W\/"/);
    expect(page.lastModified).toMatch(/GMT$/);
    expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Gzipped on the wire: fewer bytes came than the page has.
    expect(page.transferredBytes).toBeGreaterThan(0);
    expect(page.transferredBytes).toBeLessThan(page.body.length);
    const [req] = logged('/berita/', before);
    expect(req?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(req?.headers['user-agent']).toBe(base.userAgent);
  });

  it('answers a conditional GET with not-modified, by ETag and by Last-Modified', async () => {
    const url = site.articleUrls[0] ?? '';
    const first = await fetched(url);
    const before = site.requests.length;
    const byEtag = await fetchUrl(url, { ...base, validators: { etag: first.etag } });
    expect(byEtag).toEqual({ kind: 'not-modified', url, redirects: [], transferredBytes: 0 });
    const byDate = await fetchUrl(url, { ...base, validators: { lastModified: first.lastModified } });
    expect(byDate.kind).toBe('not-modified');
    const [etagReq, dateReq] = site.requests.slice(before);
    expect(etagReq?.headers['if-none-match']).toBe(first.etag);
    expect(dateReq?.headers['if-modified-since']).toBe(first.lastModified);
    site.touch(url);
    const changed = await fetched(url, {
      validators: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(changed.etag).not.toBe(first.etag);
  });

  it('follows the 301 from /berita to /berita/ and reports it', async () => {
    const page = await fetched(`${site.origin}/berita`);
    expect(page.url).toBe(`${site.origin}/berita/`);
    expect(page.redirects).toEqual([`${site.origin}/berita`]);
  });

  it('follows redirect-chain/5 (every redirect status, absolute and relative Location)', async () => {
    const page = await fetched(`${site.origin}/hostile/redirect-chain/5`);
    expect(page.url).toBe(`${site.origin}/hostile/redirect-chain/0`);
    expect(page.redirects).toEqual([5, 4, 3, 2, 1].map((n) => `${site.origin}/hostile/redirect-chain/${n}`));
    expect(page.transferredBytes).toBeGreaterThan(page.body.length);
    // Redirect bodies are read to the end, so the six requests reuse pooled connections (undici may
    // still be settling one when the next hop goes out, hence up to two) instead of one each.
    const remotes = new Set(logged('/hostile/redirect-chain/0').map((r) => r.remote));
    for (let n = 1; n <= 5; n++)
      for (const r of logged(`/hostile/redirect-chain/${n}`)) remotes.add(r.remote);
    expect(remotes.size).toBeLessThanOrEqual(2);
  });

  it.each([
    ['/hostile/redirect-chain/6', 'too-many-redirects'],
    ['/hostile/redirect-loop', 'too-many-redirects'],
    ['/hostile/redirect-self', 'too-many-redirects'],
    ['/hostile/error-500', 'http-status'],
    ['/hostile/flaky?run=once', 'http-status'],
    ['/no-such-page', 'http-status'],
  ] satisfies [string, FetchFailure][])('%s fails with %s', async (path, reason) => {
    const err = await failure(`${site.origin}${path}`);
    expect(err.reason).toBe(reason);
    expect(err.url).toBe(`${site.origin}${path}`);
    expect(err.message).toContain(err.url);
  });

  it('stops a redirect loop at the cap, not later', async () => {
    const before = site.requests.length;
    await failure(`${site.origin}/hostile/redirect-loop`, { maxRedirects: 3 });
    expect(site.requests.length - before).toBe(4);
  });

  it('gives the status of a server error, and flaky succeeds on the third try', async () => {
    expect((await failure(`${site.origin}/hostile/error-500`)).status).toBe(500);
    const url = `${site.origin}/hostile/flaky?run=three`;
    expect((await failure(url)).status).toBe(500);
    expect((await failure(url)).status).toBe(500);
    expect((await fetched(url)).status).toBe(200);
  });

  it('turns 429 into retry-later with Retry-After in ms', async () => {
    const url = `${site.origin}/hostile/rate-limited?run=retry`;
    const err = await failure(url);
    expect(err).toMatchObject({
      reason: 'retry-later',
      status: 429,
      retryAfterMs: RETRY_AFTER_SECONDS * 1000,
    });
    expect((await fetched(url)).status).toBe(200);
  });

  it('times out a slow drip on the overall deadline', async () => {
    const started = performance.now();
    const err = await failure(`${site.origin}/hostile/slow-drip`, { timeoutMs: 1_000, idleTimeoutMs: 5_000 });
    expect(err.reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('times out a slow drip on the idle timeout', async () => {
    const started = performance.now();
    const err = await failure(`${site.origin}/hostile/slow-drip`, { timeoutMs: 10_000, idleTimeoutMs: 200 });
    expect(err.reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('rejects with the caller’s own reason when the caller cancels', async () => {
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    setTimeout(() => controller.abort(reason), 100);
    await expect(
      fetchUrl(`${site.origin}/hostile/slow-drip`, { ...base, signal: controller.signal }),
    ).rejects.toBe(reason);
  });

  it.each([
    ['/hostile/endless', 1024 * 1024],
    ['/hostile/huge', undefined],
  ])('cuts %s off at the size cap and hangs up', async (path, maxBytes) => {
    const before = site.requests.length;
    const err = await failure(`${site.origin}${path}`, { maxBytes });
    expect(err.reason).toBe('too-large');
    const [req] = logged(path, before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = req?.bytes ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The server stopped writing: the connection is gone, not merely paused.
    expect(req?.bytes).toBe(sent);
    expect(sent).toBeLessThan(HUGE_BYTES);
  });

  it('stops a gzip bomb at the decompressed cap without the memory for it', async () => {
    const sampled: number[] = [];
    const before = process.memoryUsage();
    const timer = setInterval(() => sampled.push(process.memoryUsage().rss), 5);
    const started = performance.now();
    let err: FetchError;
    try {
      err = await failure(`${site.origin}/hostile/gzip-bomb`);
    } finally {
      clearInterval(timer);
    }
    expect(err.reason).toBe('too-large');
    expect(err.message).toContain('decompressed');
    expect(performance.now() - started).toBeLessThan(2_000);
    const peak = Math.max(before.rss, ...sampled, process.memoryUsage().rss);
    expect(peak - before.rss).toBeLessThan(100 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - before.heapUsed).toBeLessThan(100 * 1024 * 1024);
  });

  it('leaves the charset to the parser: wrong-charset and no-charset come as the bytes they are', async () => {
    const wrong = await fetched(`${site.origin}/hostile/wrong-charset`);
    expect(wrong.charset).toBe('utf-8');
    expect(wrong.body.includes(0x93)).toBe(true);
    const none = await fetched(`${site.origin}/hostile/no-charset`);
    expect(none).toMatchObject({ contentType: 'text/html', charset: null });
    const junk = await fetched(`${site.origin}/hostile/not-html`);
    expect(junk.body.length).toBe(64 * 1024);
  });

  it('refuses loopback with the default address policy, by IP and by name, without connecting', async () => {
    const before = site.requests.length;
    const byIp = await failure(`${site.origin}/`, { allowAddress: undefined });
    expect(byIp.reason).toBe('blocked-address');
    const byName = await failure(site.origin.replace('127.0.0.1', 'localhost'), { allowAddress: undefined });
    expect(byName.reason).toBe('blocked-address');
    expect(byName.message).toContain('localhost');
    expect(site.requests.length).toBe(before);
  });

  it('refuses what is not an http(s) URL', async () => {
    expect((await failure('mailto:redaksi@example.id')).reason).toBe('bad-url');
  });
});

/** Responses the fixture site has no endpoint for: other codings, Retry-After forms, redirects out. */
describe('fetchUrl on edge-case responses', () => {
  const page = Buffer.from('<!DOCTYPE html><html><body><p>Zona Integritas menuju WBK</p></body></html>');
  const endlessEmptyBlocks = Buffer.alloc(5 * 13_107);
  // A stored deflate block of length 0 (00 00 00 ff ff) inflates to nothing, however many arrive.
  for (let i = 0; i + 5 <= endlessEmptyBlocks.length; i += 5)
    endlessEmptyBlocks.set([0, 0, 0, 0xff, 0xff], i);

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => void> = {
    '/to': (_req, res, url) => {
      res.writeHead(302, { Location: url.searchParams.get('url') ?? '/' });
      res.end();
    },
    '/no-location': (_req, res) => {
      res.writeHead(302);
      res.end();
    },
    '/deflate-zlib': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' });
      res.end(deflateSync(page));
    },
    '/deflate-raw': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' });
      res.end(deflateRawSync(page));
    },
    '/br': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset="UTF-8"', 'Content-Encoding': 'br' });
      res.end(brotliCompressSync(page));
    },
    '/gzip-then-br': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip, br' });
      res.end(brotliCompressSync(gzipSync(page)));
    },
    '/truncated-gzip': (_req, res) => {
      const whole = gzipSync(page);
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
      // Without the 8-byte trailer, as a server cut off mid-response sends it.
      res.end(whole.subarray(0, whole.length - 8));
    },
    '/not-gzip': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
      res.end(page);
    },
    '/compress': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'compress' });
      res.end(page);
    },
    '/empty-blocks': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' });
      const pump = () => {
        while (!res.destroyed && res.write(endlessEmptyBlocks));
      };
      res.on('drain', pump);
      pump();
    },
    '/big-length': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 20 * 1024 * 1024 });
      res.write(page);
    },
    '/retry-date': (_req, res) => {
      res.writeHead(503, { 'Retry-After': new Date(Date.now() + 120_000).toUTCString() });
      res.end();
    },
    '/retry-none': (_req, res) => {
      res.writeHead(503);
      res.end();
    },
    '/unasked-304': (_req, res) => {
      res.writeHead(304);
      res.end();
    },
  };
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.on('error', () => {});
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = routes[url.pathname];
      if (route) route(req, res, url);
      else {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(['/deflate-zlib', '/deflate-raw', '/br', '/gzip-then-br', '/truncated-gzip'])(
    'decodes %s',
    async (path) => {
      const result = await fetched(`${origin}${path}`);
      expect(Buffer.from(result.body).equals(page)).toBe(true);
    },
  );

  it('reads a quoted charset', async () => {
    expect((await fetched(`${origin}/br`)).charset).toBe('utf-8');
  });

  it.each([
    ['/not-gzip', 'bad-content-encoding'],
    ['/compress', 'bad-content-encoding'],
    ['/empty-blocks', 'too-large'],
    ['/big-length', 'too-large'],
    ['/no-location', 'http-status'],
    ['/unasked-304', 'http-status'],
    ['/to?url=mailto:redaksi@example.id', 'bad-url'],
  ] satisfies [string, FetchFailure][])('%s fails with %s', async (path, reason) => {
    expect((await failure(`${origin}${path}`, { maxBytes: 1024 * 1024 })).reason).toBe(reason);
  });

  it('reads Retry-After as an HTTP date, and defaults it when absent', async () => {
    const dated = await failure(`${origin}/retry-date`);
    expect(dated).toMatchObject({ reason: 'retry-later', status: 503 });
    expect(dated.retryAfterMs).toBeGreaterThan(110_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(120_000);
    expect((await failure(`${origin}/retry-none`)).retryAfterMs).toBe(60_000);
  });

  it.each([
    ['http://10.1.2.3/berita/'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://[::ffff:127.0.0.1]/'],
  ])('refuses a redirect from an allowed address to %s before connecting', async (target) => {
    const err = await failure(`${origin}/to?url=${encodeURIComponent(target)}`, {
      allowAddress: (ip) => ip === '127.0.0.1',
      timeoutMs: 2_000,
    });
    expect(err.reason).toBe('blocked-address');
    expect(err.message).toContain('(at ');
  });

  it('checks the address of every hop: a redirect to a hostname goes through the lookup', async () => {
    const target = `${origin.replace('127.0.0.1', 'localhost')}/x`;
    const start = `${origin}/to?url=${encodeURIComponent(target)}`;
    const seen: string[] = [];
    const result = await fetched(start, {
      allowAddress: (ip) => {
        seen.push(ip);
        return ip === '127.0.0.1';
      },
    });
    expect(result.url).toBe(target);
    // The literal 127.0.0.1 of the first hop, then what "localhost" resolved to.
    expect(seen[0]).toBe('127.0.0.1');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // The same redirect, with a policy that turns down everything after the first hop's literal.
    let calls = 0;
    const refused = await failure(start, { allowAddress: (ip) => ++calls === 1 && ip === '127.0.0.1' });
    expect(refused.reason).toBe('blocked-address');
    expect(refused.message).toContain('localhost resolves only to refused addresses');
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-11-03T03:00:00Z');
  it.each([
    ['2', 2_000],
    ['0', 0],
    [' 30 ', 30_000],
    ['86400', 3_600_000],
    ['Mon, 03 Nov 2025 03:05:00 GMT', 300_000],
    ['Mon, 03 Nov 2025 02:00:00 GMT', 0],
    ['soon', 60_000],
    ['-5', 60_000],
    [null, 60_000],
  ])('%j → %d ms', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});
