import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reextractInThread } from '../../pipeline/reextract-thread.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';

describe('reextractInThread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zi-rx-'));
  const dbPath = join(dir, 'zi.db');
  beforeAll(async () => {
    const store = SqliteStore.open(dbPath);
    await runFiles(['fixtures/corpus/001_lumajang-desk-evaluasi-puskesmas.txt'], store);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-extracts in its own thread and reports progress and the summary', async () => {
    const seen: number[] = [];
    const summary = await reextractInThread({ dbPath }, 128, (done) => seen.push(done));
    expect(summary.documents).toBe(1);
    expect(seen).toEqual([1]);
    expect(summary.change.counts).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('names the setting to raise when the capped heap is too small', async () => {
    await expect(reextractInThread({ dbPath }, 4)).rejects.toThrow(
      /ran out of its 4 MB heap; raise ZI_REEXTRACT_HEAP_MB/,
    );
  });

  it('passes a store that cannot be opened back as a store error', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database, not even close; '.repeat(200));
    await expect(reextractInThread({ dbPath: garbage }, 128)).rejects.toMatchObject({
      name: 'StoreError',
      message: expect.stringMatching(/garbage\.db: file is not a database/),
    });
  });
});
