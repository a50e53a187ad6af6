import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../api/routes/index.js';
import { buildServer } from '../../api/server.js';
import { type CrawlQueues, openQueues } from '../../jobs/queues.js';
import { connectRedis } from '../../jobs/redis.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import type { Store } from '../../pipeline/store/store.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

const work = mkdtempSync(join(tmpdir(), 'zi-server-'));
let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = SqliteStore.open(join(work, 'server.db'));
  await runFiles(listInputs(['fixtures/corpus']), store);
  app = await buildServer(store);
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Each route path of the app, read from fastify's own route tree (`├── /path (GET, HEAD)`). */
function registeredPaths(server: FastifyInstance): string[] {
  const lines = server.printRoutes({ commonPrefix: false }).split('\n');
  const stack: { depth: number; path: string }[] = [];
  const paths: string[] = [];
  for (const line of lines) {
    const match = /^([│\s]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length;
    while (stack.length > 0 && (stack.at(-1) as { depth: number }).depth >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + (match[2] as string);
    stack.push({ depth, path });
    if (match[3]) paths.push(path);
  }
  return paths.sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(response.body);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(JSON.stringify(validator.resolveRefs())).not.toContain('$ref');
  });

  it('lists every route the server answers, with its parameters', async () => {
    const document = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>;
    };
    const documented = Object.keys(document.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    // The page's own files (/, /app.js, /style.css…) are not the API's.
    expect(documented.sort()).toEqual(registeredPaths(app).filter((p) => p.startsWith('/api/')));
    expect(documented.length).toBe(ROUTES.length + 1);
    const timeline = document.paths['/api/regencies/{regency}/timeline']?.get.parameters ?? [];
    expect(timeline.map((p) => `${p.in} ${p.name}${p.required ? '' : '?'}`)).toEqual([
      'path regency',
      'query limit?',
      'query offset?',
      'query format?',
      'query unit?',
      'query kind?',
      'query predicate?',
      'query from?',
      'query to?',
    ]);
    const search = document.paths['/api/search']?.get.parameters ?? [];
    expect(search.find((p) => p.name === 'q')?.required).toBe(true);
  });

  it('describes what each route answers: every body parses with the schema the document is made from', async () => {
    const [event] = await store.timeline();
    const [unit] = await store.units();
    const samples: Record<string, string> = {
      '/api/regencies/:regency/timeline': `/api/regencies/${encodeURIComponent(event?.regency as string)}/timeline`,
      '/api/regencies/:regency/units': `/api/regencies/${encodeURIComponent(unit?.regency as string)}/units`,
      '/api/units/:id': `/api/units/${unit?.id}`,
      '/api/events/:id': `/api/events/${event?.id}`,
      '/api/events/:id/passages': `/api/events/${event?.id}/passages`,
      '/api/compare': `/api/compare?regency=${encodeURIComponent(event?.regency as string)}`,
      '/api/search': '/api/search?q=dinas',
    };
    for (const route of ROUTES) {
      const response = await app.inject(samples[route.path] ?? route.path);
      expect(response.statusCode, route.path).toBe(200);
      expect(route.response.schema.safeParse(response.json()).success, route.path).toBe(true);
    }
  });
});

describe('the server', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const)(
    'refuses %s with 405, on any path',
    async (method) => {
      for (const url of ['/api/regencies', '/api/events/x', '/elsewhere']) {
        const response = await app.inject({ method, url });
        expect(response.statusCode).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD');
        expect(response.json()).toMatchObject({ error: 'method not allowed' });
      }
    },
  );

  it('answers HEAD like GET, without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/api/regencies?format=csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body).toBe('');
  });

  it('refuses a URL that cannot be decoded with a 400 and no stack', async () => {
    const response = await app.inject('/api/events/%E0%A4%A');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'bad request', message: expect.any(String) });
  });

  it('serves the web page at / with its script and stylesheet, and nothing of the page’s sources', async () => {
    const index = await app.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<script type="module" src="/app.js">');
    const script = await app.inject('/app.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // One bundle, with nothing left to import from elsewhere.
    expect(script.body).not.toMatch(/\bimport\s*[{*"'(]/);
    expect((await app.inject('/style.css')).statusCode).toBe(200);
    for (const path of ['/src/main.ts', '/../package.json', '/index.html/..%2f..%2fpackage.json'])
      expect((await app.inject(path)).statusCode, path).toBe(404);
  });

  it('answers a failure of its own with 500 and no details, and logs the details', async () => {
    const logged: string[] = [];
    const log = new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const secret = 'disk I/O error in /srv/zi/private.db';
    const broken = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'timelinePage' || key === 'event')
          return async () => {
            throw new Error(secret);
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const failing = await buildServer(broken, { logger: { level: 'error', stream: log } });
    try {
      const [event] = await store.timeline();
      for (const url of [
        `/api/events/${event?.id}`,
        `/api/regencies/${encodeURIComponent(event?.regency as string)}/timeline`,
      ]) {
        const response = await failing.inject(url);
        expect(response.statusCode).toBe(500);
        expect(response.json()).toEqual({ error: 'internal error' });
        expect(response.body).not.toContain('private.db');
      }
    } finally {
      await failing.close();
    }
    const lines = logged.join('');
    expect(lines).toContain(secret);
    expect(lines).toMatch(/"stack":"Error: disk I\/O error/);
  });

  it('serves no Bull Board when no queues are given', async () => {
    expect((await app.inject('/admin/queues')).statusCode).toBe(404);
  });
});

describe('Bull Board at /admin/queues', () => {
  let redis: RedisServer;
  let connection: Redis;
  let queues: CrawlQueues;
  let withBoard: FastifyInstance;
  beforeAll(async () => {
    redis = await startRedis();
    connection = connectRedis(redis.url);
    queues = openQueues(connection);
    withBoard = await buildServer(store, { queues });
  });
  afterAll(async () => {
    await withBoard?.close();
    await queues?.close();
    connection?.disconnect();
    await redis?.stop();
  });

  it('shows the four crawl queues read-only beside the API', async () => {
    const page = await withBoard.inject('/admin/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html/i);
    const api = (await withBoard.inject('/admin/queues/api/queues')).json() as {
      queues: { name: string; readOnlyMode: boolean }[];
    };
    expect(api.queues.map((q) => q.name).sort()).toEqual([
      'zi-discover',
      'zi-extract',
      'zi-fetch',
      'zi-merge',
    ]);
    expect(api.queues.every((q) => q.readOnlyMode)).toBe(true);
    expect((await withBoard.inject('/api/regencies')).statusCode).toBe(200);
  });

  it('refuses the board’s own writes with 405 before they reach a queue', async () => {
    await queues.fetch.add('page', { url: 'https://example.test/' });
    for (const [method, url] of [
      ['PUT', '/admin/queues/api/queues/zi-fetch/pause'],
      ['PUT', '/admin/queues/api/queues/zi-fetch/clean/completed'],
      ['POST', '/admin/queues/api/queues/zi-fetch/add'],
    ] as const) {
      expect((await withBoard.inject({ method, url })).statusCode).toBe(405);
    }
    expect(await queues.fetch.isPaused()).toBe(false);
    expect(await queues.fetch.count()).toBe(1);
  });
});
