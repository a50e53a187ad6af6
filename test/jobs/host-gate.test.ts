import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostGate } from '../../jobs/host-gate.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

describe('HostGate on a real Redis', () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  beforeAll(async () => {
    server = await startRedis();
    a = new Redis(server.url);
    b = new Redis(server.url);
  });
  afterAll(async () => {
    a.disconnect();
    b.disconnect();
    await server.stop();
  });

  it('lets one client at a time hold a host, and the next start only after the delay', async () => {
    const one = new HostGate(a);
    const two = new HostGate(b);
    const first = await one.tryAcquire('example.test', 5_000);
    expect(first).toHaveProperty('token');
    const blocked = await two.tryAcquire('example.test', 5_000);
    expect(blocked).toHaveProperty('waitMs');
    await one.release('example.test', (first as { token: string }).token, 300);
    const soon = await two.tryAcquire('example.test', 5_000);
    expect((soon as { waitMs: number }).waitMs).toBeGreaterThan(200);
    const started = Date.now();
    const later = await two.acquire('example.test', 5_000, 2_000);
    expect(later).toHaveProperty('token');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('keeps hosts apart', async () => {
    const gate = new HostGate(a);
    expect(await gate.tryAcquire('one.test', 5_000)).toHaveProperty('token');
    expect(await gate.tryAcquire('two.test', 5_000)).toHaveProperty('token');
  });

  it('frees a host whose holder died, once its lease runs out', async () => {
    const gate = new HostGate(a);
    expect(await gate.tryAcquire('dead.test', 100)).toHaveProperty('token');
    const wait = await gate.tryAcquire('dead.test', 100);
    expect((wait as { waitMs: number }).waitMs).toBeLessThanOrEqual(100);
    await new Promise((r) => setTimeout(r, 120));
    expect(await gate.tryAcquire('dead.test', 100)).toHaveProperty('token');
  });

  it('pushes a host back for its Retry-After, and a shorter delay never pulls it in', async () => {
    const gate = new HostGate(a);
    await gate.pushBack('busy.test', 2_000);
    const got = await gate.tryAcquire('busy.test', 1_000);
    expect((got as { waitMs: number }).waitMs).toBeGreaterThan(1_500);
    await gate.pushBack('busy.test', 10);
    expect((await gate.tryAcquire('busy.test', 1_000)) as { waitMs: number }).toHaveProperty('waitMs');
  });

  it('a lease token that is not the holder cannot free the host', async () => {
    const gate = new HostGate(a);
    const held = await gate.tryAcquire('held.test', 5_000);
    await gate.release('held.test', 'not-the-token', 0);
    expect(await gate.tryAcquire('held.test', 5_000)).toHaveProperty('waitMs');
    await gate.release('held.test', (held as { token: string }).token, 0);
    expect(await gate.tryAcquire('held.test', 5_000)).toHaveProperty('token');
  });
});
