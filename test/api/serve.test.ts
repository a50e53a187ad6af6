import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

const work = mkdtempSync(join(tmpdir(), 'zi-serve-'));
const db = join(work, 'zi.db');
let redis: RedisServer;
beforeAll(async () => {
  const store = SqliteStore.open(db);
  await runFiles(listInputs(['fixtures/corpus']), store);
  await store.close();
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** `zi serve` on a free port; resolves once it has said where it listens. */
async function serve(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn('node', ['bin/zi.mjs', 'serve', '--port', '0', '--db', db], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /zi API on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(stderr);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`zi serve exited ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

describe('zi serve', () => {
  it('says it cannot listen on a port in use, with exit code 2 and no stack', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const r = spawnSync('node', ['bin/zi.mjs', 'serve', '--port', String(port), '--db', db], {
        encoding: 'utf8',
        env: { ...process.env, REDIS_URL: '' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`zi: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it('serves the API and the web page on 127.0.0.1 and closes cleanly on SIGTERM', async () => {
    const { child, url, stderr } = await serve({ REDIS_URL: '' });
    try {
      const regencies = (await (await fetch(`${url}/api/regencies?limit=2`)).json()) as { total: number };
      expect(regencies.total).toBeGreaterThan(40);
      expect((await fetch(`${url}/api/openapi.json`)).status).toBe(200);
      expect(stderr()).toContain(`web page on ${url}/`);
      expect(await (await fetch(`${url}/`)).text()).toMatch(/<title>Zona Integritas timeline<\/title>/);
      expect((await fetch(`${url}/app.js`)).status).toBe(200);
      expect((await fetch(`${url}/admin/queues`)).status).toBe(404);
      expect((await fetch(`${url}/api/regencies`, { method: 'POST' })).status).toBe(405);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr()).toMatch(/zi serve: SIGTERM, closing/);
  });

  it('adds Bull Board at /admin/queues when REDIS_URL is set, and stops on SIGINT', async () => {
    const { child, url } = await serve({ REDIS_URL: redis.url });
    try {
      const board = await fetch(`${url}/admin/queues`);
      expect(board.status).toBe(200);
      expect(await board.text()).toMatch(/<html/i);
      expect((await fetch(`${url}/api/regencies`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
