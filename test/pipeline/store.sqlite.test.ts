import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../pipeline/errors.js';
import { processFile } from '../../pipeline/process-document.js';
import { migrations } from '../../pipeline/store/migrations.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import { forgetPagesInSqlite } from '../helpers/old-store.js';
import { storeContract } from '../helpers/store-contract.js';

const work = mkdtempSync(join(tmpdir(), 'zi-sqlite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pathOf = (name: string) => join(work, `${name}.db`);
storeContract(
  'sqlite',
  async (name) => SqliteStore.open(pathOf(name)),
  async (name) => forgetPagesInSqlite(pathOf(name)),
);

describe('the SQLite file', () => {
  it('refuses a store written by a newer schema', () => {
    const path = join(work, 'newer.db');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStore.open(path)).toThrowError(StoreError);
    expect(() => SqliteStore.open(path)).toThrowError(/schema version 99 is newer/);
  });

  it('lets several processes open one new store at once, the schema made once', async () => {
    const path = join(work, 'opened-together.db');
    // Another process is half-way through making the schema: the store opened meanwhile must wait for
    // it and take the schema as it leaves it, not make it a second time.
    const first = new Database(path);
    first.pragma('journal_mode = WAL');
    first.exec('BEGIN IMMEDIATE');
    first.exec(migrations('sqlite')[0] as string);
    first.pragma('user_version = 1');
    const second = spawn('node', ['bin/zi.mjs', 'regencies', '--db', path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    second.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    first.exec('COMMIT');
    first.close();
    const code = await new Promise((resolve) => second.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const store = SqliteStore.open(path);
    expect((await store.counts()).documents).toBe(0);
    await store.close();
  });

  it('refuses a file that is not a database, naming it', () => {
    const path = join(work, 'garbage.db');
    writeFileSync(path, 'this is not sqlite at all, just text'.repeat(200));
    expect(() => SqliteStore.open(path)).toThrowError(/garbage\.db/);
  });

  it('gives up on a store another process keeps locked, saying so, and writes nothing', async () => {
    const path = join(work, 'locked.db');
    SqliteStore.open(path).close();
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    const store = SqliteStore.open(path, { busyTimeoutMs: 50 });
    const doc = await processFile('fixtures/corpus/001_lumajang-desk-evaluasi-puskesmas.txt');
    try {
      await expect(
        store.saveDocument(doc.document, doc.raw, doc.extractorVersion, doc.facts),
      ).rejects.toThrowError(
        /cannot save .*001_lumajang.* in store .*locked\.db: it is locked by another process/,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect((await store.counts()).documents).toBe(0);
    await store.close();
  });

  it('keeps the raw bytes of every document', () => {
    const db = new Database(join(work, 'main.db'), { readonly: true });
    const row = db.prepare('SELECT count(*) AS n, sum(length(raw) > 0) AS kept FROM documents').get() as {
      n: number;
      kept: number;
    };
    expect(row.kept).toBe(row.n);
    db.close();
  });
});
