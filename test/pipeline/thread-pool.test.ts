import { describe, expect, it } from 'vitest';
import { ThreadPool } from '../../pipeline/thread-pool.js';

describe('the thread pool', () => {
  it('answers on its threads, and replaces a thread that stops with only its own request failed', async () => {
    const pool = new ThreadPool<string, string>(new URL('../helpers/echo-thread.ts', import.meta.url), 2);
    try {
      await pool.ready;
      expect(await Promise.all(['a', 'b', 'c'].map((t) => pool.run(t)))).toEqual(['A', 'B', 'C']);
      await expect(pool.run('stop')).rejects.toThrow(/exited \(code 1\)/);
      // The pool goes on with a new thread in the place of the one that stopped.
      expect(await Promise.all(['d', 'e', 'f', 'g'].map((t) => pool.run(t)))).toEqual(['D', 'E', 'F', 'G']);
      expect(pool.size).toBe(2);
    } finally {
      await pool.close();
    }
  }, 30_000);

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
      await expect(pool.ready).rejects.toThrow(/could not start: worker thread exited \(code 3\)/);
      await expect(request).rejects.toThrow(/exited \(code 3\)/);
      await expect(pool.run('more')).rejects.toThrow(/could not start/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
