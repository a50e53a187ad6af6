import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../pipeline/errors.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';

const work = mkdtempSync(join(tmpdir(), 'zi-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files = listInputs(['fixtures/corpus']);

describe('the embedded run into SQLite', () => {
  it('stores the fixture corpus and builds a timeline', async () => {
    const store = SqliteStore.open(join(work, 'a.db'));
    const summary = await runFiles(files, store);
    expect(summary.failures).toEqual([]);
    expect(summary.added).toBe(files.length);
    expect(store.timeline().length).toBeGreaterThan(10);
    store.close();
  });

  it('changes nothing when the same documents run again', async () => {
    const store = SqliteStore.open(join(work, 'a.db'));
    const before = store.timeline();
    const summary = await runFiles(files, store);
    expect(summary.added).toBe(0);
    expect(summary.unchanged).toBe(files.length);
    expect(store.timeline()).toEqual(before);
    expect(store.counts().documents).toBe(files.length);
    store.close();
  });

  it('gives the same timeline whatever order the documents come in', async () => {
    const store = SqliteStore.open(join(work, 'b.db'));
    await runFiles([...files].reverse(), store);
    const reference = SqliteStore.open(join(work, 'a.db'));
    expect(store.timeline()).toEqual(reference.timeline());
    store.close();
    reference.close();
  });

  it('reports a bad file, goes on with the others and loses nothing stored', async () => {
    const dir = join(work, 'mixed');
    mkdirSync(dir);
    const good = files.find((f) => f.endsWith('.txt')) as string;
    copyFileSync(good, join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const store = SqliteStore.open(join(work, 'a.db'));
    const before = store.counts();
    const summary = await runFiles(listInputs([dir]), store);
    expect(summary.failures.map((f) => f.source).sort()).toEqual([
      join(dir, 'binary.html'),
      join(dir, 'empty.txt'),
    ]);
    expect(summary.failures.every((f) => f.message.startsWith(f.source))).toBe(true);
    expect(store.counts()).toEqual(before);
    store.close();
  });

  it('filters by regency and date range at the precision given', () => {
    const store = SqliteStore.open(join(work, 'a.db'));
    const all = store.timeline();
    const regency = all[0]?.regency as string;
    expect(store.timeline({ regency }).every((e) => e.regency === regency)).toBe(true);
    const in2024 = store.timeline({ from: '2024', to: '2024' });
    expect(in2024.length).toBeGreaterThan(0);
    expect(in2024.every((e) => e.date?.startsWith('2024'))).toBe(true);
    expect(
      store
        .timeline({ from: '2024-11-01', to: '2024-11-30' })
        .every((e) => (e.date ?? '').startsWith('2024-11')),
    ).toBe(true);
    for (const e of all) {
      for (const s of e.sources) expect(s.sentence.length).toBeGreaterThan(0);
    }
    store.close();
  });

  it('refuses a store written by a newer schema', () => {
    const path = join(work, 'newer.db');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStore.open(path)).toThrowError(StoreError);
    expect(() => SqliteStore.open(path)).toThrowError(/schema version 99 is newer/);
  });

  it('refuses a file that is not a database', () => {
    const path = join(work, 'garbage.db');
    writeFileSync(path, 'this is not sqlite at all, just text'.repeat(200));
    expect(() => SqliteStore.open(path)).toThrowError(/garbage\.db/);
  });

  it('keeps the raw bytes of every document', () => {
    const db = new Database(join(work, 'a.db'), { readonly: true });
    const row = db.prepare('SELECT count(*) AS n FROM documents WHERE length(raw) > 0').get() as {
      n: number;
    };
    expect(row.n).toBe(files.length);
    db.close();
    expect(readdirSync(work).length).toBeGreaterThan(0);
  });
});
