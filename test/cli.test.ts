import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TimelineEventSchema } from '../models/index.js';
import { makePdf, makeScannedPdf } from './helpers/make-pdf.js';
import { forgetPagesInSqlite } from './helpers/old-store.js';

const work = mkdtempSync(join(tmpdir(), 'zi-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'zi.db');
const zi = (...args: string[]) =>
  spawnSync('node', ['bin/zi.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ZI_DB: db } });

describe('the zi command', () => {
  it('runs the fixture corpus and prints a summary', () => {
    const r = zi('run', 'fixtures');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/documents \d+: \d+ added, 0 already stored, 0 failed/);
    expect(r.stdout).toMatch(/timeline: \d+ events/);
  });

  it('prints the timeline as JSON, CSV and a table', () => {
    const json = zi('timeline', '--format', 'json');
    expect(json.status).toBe(0);
    const events = TimelineEventSchema.array().parse(JSON.parse(json.stdout));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]?.sources[0]?.sentence.length).toBeGreaterThan(0);
    const sources = events.flatMap((e) => e.sources);
    expect(sources.filter((s) => s.source.endsWith('.pdf')).every((s) => (s.page ?? 0) >= 1)).toBe(true);
    expect(sources.filter((s) => !s.source.endsWith('.pdf')).every((s) => s.page === null)).toBe(true);
    const regency = events[0]?.regency as string;
    const filtered = TimelineEventSchema.array().parse(
      JSON.parse(zi('timeline', '--regency', regency, '--format', 'json').stdout),
    );
    expect(filtered.every((e) => e.regency === regency)).toBe(true);
    expect(zi('timeline', '--format', 'csv').stdout.split('\n')[0]).toBe(
      'id,regency,date,kind,predicate,units,host,sources,conflicts',
    );
    expect(zi('timeline').stdout).toMatch(/^id\s+regency\s+date\s+kind/);
  });

  it('lists regencies, a unit board, and explains an event by its sources', () => {
    const regencies = JSON.parse(zi('regencies', '--format', 'json').stdout) as {
      regency: string;
      units: number;
    }[];
    const withUnits = regencies.find((r) => r.units > 0) as { regency: string };
    expect(zi('officials', '--regency', withUnits.regency).stdout).toMatch(/^regency\s+name\s+roles/);
    expect(zi('scores').stdout).toMatch(/^regency\s+metric\s+year\s+value/);
    const board = zi('units', '--regency', withUnits.regency);
    expect(board.status).toBe(0);
    expect(board.stdout).toMatch(/^regency\s+unit\s+stage\s+predicate\s+year\s+sources/);
    const events = TimelineEventSchema.array().parse(JSON.parse(zi('timeline', '--format', 'json').stdout));
    const [event] = events;
    const explained = zi('explain', event?.id as string);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain(event?.sources[0]?.sentence as string);
    expect(explained.stdout).toMatch(/offsets\s+\d+–\d+, extractor /);
    const fromPdf = events.find((e) => e.sources.some((s) => s.page === 2)) as (typeof events)[number];
    expect(zi('explain', fromPdf.id).stdout).toMatch(/\.pdf\n(?: {2}title .*\n)? {2}page {6}2\n/);
    const asJson = TimelineEventSchema.parse(JSON.parse(zi('explain', fromPdf.id, '--json').stdout));
    expect(asJson.sources.map((s) => s.page)).toEqual(fromPdf.sources.map((s) => s.page));
    const unknown = zi('explain', 'no-such-event');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no event with id no-such-event/);
  });

  it('re-extracts the stored documents and says nothing changed when no rule did', () => {
    const r = zi('reextract');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/timeline: 0 events added, 0 removed, 0 changed/);
  });

  it('gives the PDFs of a store written before pages were kept their pages on reextract', () => {
    const old = join(work, 'before-pages.db');
    const reports = readdirSync('fixtures/corpus')
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => join('fixtures/corpus', f));
    const env = { ...process.env, ZI_DB: old };
    expect(spawnSync('node', ['bin/zi.mjs', 'run', ...reports], { env }).status).toBe(0);
    forgetPagesInSqlite(old);
    const r = spawnSync('node', ['bin/zi.mjs', 'reextract'], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PDFs stored without pages: 3 given their pages$/m);
    expect(r.stdout).toMatch(/^timeline: 0 events added, 0 removed, 0 changed$/m);
    const timeline = spawnSync('node', ['bin/zi.mjs', 'timeline', '--format', 'json'], {
      encoding: 'utf8',
      env,
    });
    const sources = TimelineEventSchema.array()
      .parse(JSON.parse(timeline.stdout))
      .flatMap((e) => e.sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => (s.page ?? 0) >= 1)).toBe(true);
  });

  it('refuses a broken environment with one line naming the variable', () => {
    const r = spawnSync('node', ['bin/zi.mjs', 'reextract'], {
      encoding: 'utf8',
      env: { ...process.env, ZI_DB: db, ZI_REEXTRACT_HEAP_MB: 'lots' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'zi: bad configuration: ZI_REEXTRACT_HEAP_MB="lots": must be a whole number of MB',
    );
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', 'node bin/zi.mjs timeline --format json | head -c 20 >/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, ZI_DB: db },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE/);
  });

  it('runs past PDFs it cannot read, naming each and why, and stores only the others', async () => {
    const dir = join(work, 'reports');
    mkdirSync(dir);
    const good = join(dir, 'berita.txt');
    copyFileSync('fixtures/corpus/001_lumajang-desk-evaluasi-puskesmas.txt', good);
    const text = ['Laporan hasil evaluasi Zona Integritas menuju WBK tahun 2024.'];
    const whole = await makePdf(text);
    writeFileSync(join(dir, 'rahasia.pdf'), await makePdf(text, { userPassword: 'x', ownerPassword: 'y' }));
    writeFileSync(join(dir, 'potong.pdf'), whole.subarray(0, whole.length - 300));
    writeFileSync(join(dir, 'pindaian.pdf'), await makeScannedPdf(1));
    const store = join(work, 'reports.db');
    const r = spawnSync('node', ['bin/zi.mjs', 'run', dir], {
      encoding: 'utf8',
      env: { ...process.env, ZI_DB: store },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      `error: ${join(dir, 'pindaian.pdf')}: PDF has no text layer (1 page(s), scanned images only?)`,
      `error: ${join(dir, 'potong.pdf')}: unreadable PDF (Invalid PDF structure; no %%EOF at the end, so probably truncated)`,
      `error: ${join(dir, 'rahasia.pdf')}: PDF is encrypted, needs a password`,
    ]);
    expect(r.stdout).toMatch(/^documents 4: 1 added, 0 already stored, 3 failed$/m);
    const stored = new Database(store, { readonly: true });
    try {
      expect(stored.prepare('SELECT source FROM documents').pluck().all()).toEqual([good]);
    } finally {
      stored.close();
    }
  });

  it('writes one prediction per document, named after the file', () => {
    const out = join(work, 'pred');
    const r = zi('extract', 'fixtures/corpus', '--emit-gold', out);
    expect(r.status).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toContain('001_lumajang-desk-evaluasi-puskesmas.json');
    expect(written.every((f) => f.endsWith('.json') && !f.endsWith('.gold.json'))).toBe(true);
  });

  it('parses files into one JSON line each, gzipped pages too, and names the files it cannot read', () => {
    const page = 'fixtures/corpus/013_banyuwangi-desk-evaluasi-dua-puskesmas.html';
    const packed = join(work, 'page.html.gz');
    writeFileSync(packed, gzipSync(readFileSync(page)));
    const r = zi('parse', page, packed, 'no-such-file.html');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: no-such-file\.html: cannot read \(ENOENT\)$/m);
    const [plain, unpacked] = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(Object.keys(plain)).toEqual(['file', 'title', 'published', 'text']);
    expect(plain.file).toBe(page);
    expect(plain.text.split('\n')[0]).toBe(plain.title);
    expect(plain.text).toMatch(/Puskesmas/);
    expect({ ...unpacked, file: page }).toEqual(plain);
  });

  it('scores the fixture corpus and fails below a bar', () => {
    const ok = zi('eval', '--gold', 'fixtures/corpus');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/macro F1 \(units, officials, events, awards, scores\):/);
    const strict = zi('eval', '--gold', 'fixtures/corpus', '--min-macro-f1', '1');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/below the bar 1/);
    const perField = zi('eval', '--gold', 'fixtures/corpus', '--min-field-f1', '0.99');
    expect(perField.status).toBe(1);
    expect(perField.stderr).toMatch(/events F1 0\.\d+ is below the bar 0\.99/);
  });

  it('prints its version', () => {
    expect(zi('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['timeline', '--from', '2024-13'], /"2024-13" is not a date/],
    [['timeline', '--format', 'xml'], /Allowed choices are table, json, csv/],
    [['timeline', '--kind', 'party'], /Allowed choices are commitment/],
    [['timeline', '--predicate', 'ZI'], /Allowed choices are WBK, WBBM/],
    [['run', 'no-such-folder'], /no such file or folder: no-such-folder/],
    [['eval', '--gold', 'fixtures/corpus', '--min-macro-f1', '2'], /must be a number from 0 to 1/],
    [['eval', '--gold', 'fixtures/corpus', '--min-field-f1', 'x'], /must be a number from 0 to 1/],
    [['serve', '--port', '70000'], /must be a port, 0 to 65535/],
    [['no-such-command'], /unknown command 'no-such-command'/],
  ])('rejects %j with a clear message and exit code 2', (args, message) => {
    const r = zi(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
