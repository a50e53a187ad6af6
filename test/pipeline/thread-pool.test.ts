import { describe, expect, it } from 'vitest';
import { ThreadPool } from '../../pipeline/thread-pool.js';

describe('the thread pool', () => {
  it('fails its readiness and its requests when a thread cannot load its module', async () => {
    const pool = new ThreadPool<string, string>(new URL('../helpers/broken-thread.ts', import.meta.url), 1);
    try {
      const request = pool.run('anything');
      await expect(pool.ready).rejects.toThrow(/cannot load/);
      await expect(request).rejects.toThrow();
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('fails them too when a thread stops without an error', async () => {
    const pool = new ThreadPool<string, string>(new URL('../helpers/quitting-thread.ts', import.meta.url), 1);
    try {
      const request = pool.run('anything');
      await expect(pool.ready).rejects.toThrow(/exited before it was ready \(code 3\)/);
      await expect(request).rejects.toThrow(/exited \(code 3\)/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
