/**
 * The store and merge figures of issue 4, measured in one run: merge+store throughput into SQLite and
 * PostgreSQL, `zi reextract` over a large stored corpus (wall time, peak memory, in a process of its
 * own), and the latency of a regency's timeline on that store, read in process and, for issue 6, through
 * the HTTP API under load.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '../extractors/index.js';
import { rebuild } from '../pipeline/rebuild.js';
import { PostgresStore } from '../pipeline/store/postgres-store.js';
import { SqliteStore } from '../pipeline/store/sqlite-store.js';
import type { Store } from '../pipeline/store/store.js';
import { startPostgres } from '../test/helpers/postgres-server.js';
import { benchApiLatency } from './api-latency.js';
import { quantile } from './measure.js';
import { type Base, loadBases, synthesize } from './synthesize.js';

const THROUGHPUT_DOCS = 3_000;
const TIMELINE_QUERIES = 300;

async function fill(store: Store, bases: readonly Base[], count: number): Promise<number> {
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const { document, facts } = synthesize(bases[k % bases.length] as Base, k);
    await store.saveDocument(document, Buffer.from(document.text), EXTRACTOR_VERSION, facts);
  }
  return (performance.now() - start) / 1000;
}

export async function benchStore(corpusDir: string, largeStoreDocs: number): Promise<void> {
  const bases = await loadBases(corpusDir);
  const work = mkdtempSync(join(tmpdir(), 'zi-bench-'));
  const postgres = await startPostgres();
  try {
    console.log(
      `\nmerge + store: ${THROUGHPUT_DOCS.toLocaleString('en')} synthetic documents (fixture copies moved to other regencies and years)`,
    );
    const backends: [string, () => Promise<Store>][] = [
      ['SQLite', async () => SqliteStore.open(join(work, 'throughput.db'))],
      ['PostgreSQL', async () => PostgresStore.open(await postgres.database('throughput'))],
    ];
    for (const [name, open] of backends) {
      const store = await open();
      const saving = await fill(store, bases, THROUGHPUT_DOCS);
      const start = performance.now();
      const { events } = await rebuild(store);
      const merging = (performance.now() - start) / 1000;
      await store.close();
      const total = saving + merging;
      console.log(
        `  ${name.padEnd(10)} ${Math.round(THROUGHPUT_DOCS / total).toLocaleString('en')} docs/s overall (save ${Math.round(THROUGHPUT_DOCS / saving).toLocaleString('en')} docs/s, merge ${events.toLocaleString('en')} events in ${merging.toFixed(1)} s)`,
      );
    }

    console.log(
      `\nreextract: ${largeStoreDocs.toLocaleString('en')} stored documents, SQLite, its own process`,
    );
    const path = join(work, 'large.db');
    const large = SqliteStore.open(path);
    const filling = await fill(large, bases, largeStoreDocs);
    await rebuild(large);
    await large.close();
    console.log(`  store filled in ${filling.toFixed(0)} s`);
    const out = execFileSync(
      'node',
      ['--import', 'tsx', join(import.meta.dirname, 'reextract-child.ts'), path],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1) as string) as Record<string, number>;
    console.log(
      `  ${r.documents?.toLocaleString('en')} documents in ${r.seconds?.toFixed(1)} s (extraction ${r.extractionSeconds?.toFixed(1)} s, merge ${r.mergeSeconds?.toFixed(1)} s), peak RSS ${r.maxRssMb?.toFixed(0)} MB; ${r.events?.toLocaleString('en')} events, ${r.units?.toLocaleString('en')} units after`,
    );
    console.log(
      `  target < 120 s and < 500 MB: ${(r.seconds ?? Infinity) < 120 && (r.maxRssMb ?? Infinity) < 500 ? 'met' : 'NOT met'}`,
    );

    const store = SqliteStore.open(path);
    const regencies = (await store.regencies()).map((x) => x.regency);
    const times: number[] = [];
    for (let i = 0; i < TIMELINE_QUERIES; i++) {
      const regency = regencies[(i * 37) % regencies.length] as string;
      const start = performance.now();
      await store.timeline({ regency });
      times.push(performance.now() - start);
    }
    await store.close();
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    console.log(
      `\ntimeline --regency on that store (${regencies.length} regencies, in process): p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; target p95 < 50 ms: ${p95 < 50 ? 'met' : 'NOT met'}`,
    );

    await benchApiLatency(path);
  } finally {
    postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
