import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../pipeline/errors.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { PostgresStore } from '../../pipeline/store/postgres-store.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import { forgetPagesInPostgres } from '../helpers/old-store.js';
import { type PostgresServer, startPostgres } from '../helpers/postgres-server.js';
import { storeContract } from '../helpers/store-contract.js';

let server: PostgresServer;
const urls = new Map<string, string>();
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

/** Each store name is its own database, created on first use and reused after. */
async function databaseFor(name: string): Promise<string> {
  const known = urls.get(name);
  if (known) return known;
  const url = await server.database(name);
  urls.set(name, url);
  return url;
}

storeContract(
  'postgres',
  async (name) => PostgresStore.open(await databaseFor(name)),
  async (name) => forgetPagesInPostgres(await databaseFor(name)),
);

describe('the PostgreSQL connection', () => {
  it('refuses a schema newer than the program, saying so', async () => {
    const url = await databaseFor('newer');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      'CREATE TABLE zi_schema (version INTEGER NOT NULL); INSERT INTO zi_schema VALUES (99)',
    );
    await client.end();
    await expect(PostgresStore.open(url)).rejects.toThrowError(StoreError);
    await expect(PostgresStore.open(url)).rejects.toThrowError(/schema version 99 is newer/);
  });

  it('names the server it cannot reach, without the password', async () => {
    const error = await PostgresStore.open('postgresql://zi:secret@127.0.0.1:1/none').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      /cannot use PostgreSQL at postgresql:\/\/zi:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect((error as Error).message).not.toContain('secret');
  });

  it('holds the same timeline and unit board as SQLite for the same documents', async () => {
    const work = mkdtempSync(join(tmpdir(), 'zi-both-'));
    const sqlite = SqliteStore.open(join(work, 'same.db'));
    const postgres = await PostgresStore.open(await databaseFor('same'));
    try {
      const files = listInputs(['fixtures/corpus']);
      await runFiles(files, sqlite);
      await runFiles(files, postgres);
      expect(await postgres.timeline()).toEqual(await sqlite.timeline());
      expect(await postgres.units()).toEqual(await sqlite.units());
      expect(await postgres.regencies()).toEqual(await sqlite.regencies());
      for (const text of ['dpmptsp', 'bupati', 'wilayah bebas dari korupsi'])
        expect(await postgres.search({ text, limit: 1000, offset: 0 })).toEqual(
          await sqlite.search({ text, limit: 1000, offset: 0 }),
        );
    } finally {
      await sqlite.close();
      await postgres.close();
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('lets several workers open one database at once', async () => {
    const url = await databaseFor('together');
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    expect((await Promise.all(stores.map((s) => s.counts()))).every((c) => c.documents === 0)).toBe(true);
    await Promise.all(stores.map((s) => s.close()));
  });
});
