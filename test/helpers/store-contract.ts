import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type OfficialRecord,
  summarizeEvent,
  type TimelineEvent,
  type UnitStatus,
} from '../../models/index.js';
import { merge, regenciesOf } from '../../pipeline/merge/index.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { rebuild } from '../../pipeline/rebuild.js';
import { reextract } from '../../pipeline/reextract.js';
import { runFiles } from '../../pipeline/run.js';
import type { Store } from '../../pipeline/store/store.js';

const files = listInputs(['fixtures/corpus']);

/** Each regency's documents as `regenciesOf` reads every stored extraction, ids in order. */
async function regencyDocumentsOfFacts(store: Store): Promise<Map<string, string[]>> {
  const ids: string[] = [];
  for (
    let page = await store.texts(null, 50);
    page.length > 0;
    page = await store.texts(page.at(-1)?.id ?? null, 50)
  )
    ids.push(...page.map((t) => t.id));
  const documents = new Map<string, string[]>();
  for (const { document, facts } of await store.extractionsOf(ids))
    for (const regency of regenciesOf(facts))
      documents.set(regency, [...(documents.get(regency) ?? []), document.id]);
  for (const list of documents.values()) list.sort();
  return documents;
}

/**
 * The behaviour every store backend owes: the same suite runs against SQLite and PostgreSQL. `open`
 * gives a fresh or existing store by name; each name is one database. `forgetPages` turns a closed store
 * back into one written before page spans were kept.
 */
export function storeContract(
  backend: string,
  open: (name: string) => Promise<Store>,
  forgetPages: (name: string) => Promise<void>,
): void {
  describe(`the ${backend} store`, () => {
    const work = mkdtempSync(join(tmpdir(), `zi-${backend}-`));
    let main: Store;
    beforeAll(async () => {
      main = await open('main');
      const summary = await runFiles(files, main);
      expect(summary.failures).toEqual([]);
      expect(summary.added).toBe(files.length);
    });
    afterAll(async () => {
      await main.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('holds the fixture corpus as a timeline, a unit board and a regency list', async () => {
      const events = await main.timeline();
      expect(events.length).toBeGreaterThan(50);
      for (const e of events) for (const s of e.sources) expect(s.sentence.length).toBeGreaterThan(0);
      const units = await main.units();
      expect(units.some((u) => u.latestStage === 'awarded' && u.predicate !== null)).toBe(true);
      const officials = await main.officials();
      expect(officials.length).toBeGreaterThan(50);
      const scores = await main.scores();
      expect(scores.length).toBeGreaterThan(10);
      const someone = officials[0] as (typeof officials)[number];
      expect((await main.officials(someone.regency)).every((o) => o.regency === someone.regency)).toBe(true);
      const regencies = await main.regencies();
      expect(regencies.length).toBeGreaterThan(40);
      expect(regencies.reduce((n, r) => n + r.events, 0)).toBe(events.length);
      expect((await main.counts()).documents).toBe(files.length);
    });

    it('gives each source in a PDF report the page its sentence starts on, and other sources none', async () => {
      const sources = (await main.timeline()).flatMap((e) => e.sources);
      const ids = [...new Set(sources.map((s) => s.documentId))];
      const pagesOf = new Map((await main.textsOf(ids)).map((t) => [t.id, t.pages]));
      const cited = new Set<string>();
      for (const s of sources) {
        const pages = pagesOf.get(s.documentId);
        if (!s.source.endsWith('.pdf')) {
          expect([pages, s.page]).toEqual([null, null]);
          continue;
        }
        const span = pages?.find((p) => p.page === s.page);
        expect(span, `${s.source} at ${s.start}`).toBeDefined();
        expect(s.start).toBeGreaterThanOrEqual(span?.start as number);
        expect(s.start).toBeLessThan(span?.end as number);
        cited.add(`${basename(s.source).slice(0, 3)} page ${s.page}`);
      }
      // The Ngawi report's events are told on all three of its pages.
      expect([...cited]).toEqual(expect.arrayContaining(['058 page 1', '058 page 2', '058 page 3']));
    });

    it('upgrades a store written before pages were kept; reextract or a new run gives its PDFs pages', async () => {
      const some = files.filter((f) => f.endsWith('.pdf') || basename(f).startsWith('001_'));
      const fresh = await open('upgraded');
      await runFiles(some, fresh);
      const paged = await fresh.timeline();
      const [pdf] = (await fresh.texts(null, 100)).filter((t) => t.pages !== null);
      await fresh.close();
      const unpaged = paged.map((e) => ({ ...e, sources: e.sources.map((s) => ({ ...s, page: null })) }));
      expect(unpaged).not.toEqual(paged);

      await forgetPages('upgraded');
      const upgraded = await open('upgraded');
      try {
        expect(await upgraded.timeline()).toEqual(unpaged);
        // The upgrade wrote each stored event's summary from its body.
        expect(await upgraded.timelinePage({}, { limit: 1000, offset: 0 })).toEqual({
          items: unpaged.map(summarizeEvent),
          total: unpaged.length,
        });
        expect((await upgraded.texts(null, 100)).every((t) => t.pages === null)).toBe(true);
        // Spans are offsets into the text they were read with; another text does not take them.
        expect(await upgraded.savePages(pdf?.id as string, 'another text', pdf?.pages ?? [])).toBe(false);
        // The upgrade read each stored document's regencies from its facts.
        expect(await upgraded.regencyDocuments()).toEqual(await regencyDocumentsOfFacts(upgraded));
        const summary = await reextract(upgraded);
        expect(summary.pages).toEqual({ filled: 3, left: 0 });
        expect(summary.change.counts).toEqual({ added: 0, removed: 0, changed: 0 });
        expect(await upgraded.timeline()).toEqual(paged);
      } finally {
        await upgraded.close();
      }

      await forgetPages('upgraded');
      const rerun = await open('upgraded');
      try {
        expect((await runFiles(some, rerun)).unchanged).toBe(some.length);
        expect(await rerun.timeline()).toEqual(paged);
      } finally {
        await rerun.close();
      }
    });

    it('merges regency by regency into what one merge of every document gives', async () => {
      const ids: string[] = [];
      for (
        let page = await main.texts(null, 20);
        page.length > 0;
        page = await main.texts(page.at(-1)?.id ?? null, 20)
      )
        ids.push(...page.map((t) => t.id));
      const whole = merge(await main.extractionsOf(ids));
      const stored = await main.timeline();
      expect(stored.map((e) => e.id).sort()).toEqual(whole.events.map((e) => e.id).sort());
      expect((await main.units()).map((u) => u.id).sort()).toEqual(whole.units.map((u) => u.id).sort());
    });

    it('knows which documents touch each regency, as their stored facts say', async () => {
      expect(await main.regencyDocuments()).toEqual(await regencyDocumentsOfFacts(main));
    });

    it('merges a few regencies again from just the documents that name them, to the same result', async () => {
      const before = await main.timeline();
      const some = [...new Set(before.map((e) => e.regency))].slice(0, 3);
      const all = await main.regencyDocuments();
      expect(await main.regencyDocuments(some)).toEqual(new Map(some.sort().map((r) => [r, all.get(r)])));
      const { events } = await rebuild(main, { regencies: new Set(some) });
      expect(events).toBe(before.filter((e) => some.includes(e.regency)).length);
      expect(await main.timeline()).toEqual(before);
    });

    it('changes nothing when the same documents run again', async () => {
      const before = await main.timeline();
      const units = await main.units();
      const summary = await runFiles(files, main);
      expect(summary.added).toBe(0);
      expect(summary.unchanged).toBe(files.length);
      expect(await main.timeline()).toEqual(before);
      expect(await main.units()).toEqual(units);
    });

    it('gives the same timeline and unit board whatever order the documents come in', async () => {
      const other = await open('reversed');
      try {
        await runFiles([...files].reverse(), other);
        expect(await other.timeline()).toEqual(await main.timeline());
        expect(await other.units()).toEqual(await main.units());
        expect(await other.officials()).toEqual(await main.officials());
        expect(await other.scores()).toEqual(await main.scores());
      } finally {
        await other.close();
      }
    });

    it('reports a bad file, goes on with the others and loses nothing stored', async () => {
      const dir = join(work, 'mixed');
      mkdirSync(dir, { recursive: true });
      copyFileSync(files.find((f) => f.endsWith('.txt')) as string, join(dir, 'good.txt'));
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 255]));
      const before = await main.counts();
      const summary = await runFiles(listInputs([dir]), main);
      expect(summary.failures.map((f) => f.source).sort()).toEqual([
        join(dir, 'binary.html'),
        join(dir, 'empty.txt'),
      ]);
      expect(await main.counts()).toEqual(before);
    });

    it('filters by regency, unit, kind, predicate and dates', async () => {
      const all = await main.timeline();
      const regency = all[0]?.regency as string;
      expect((await main.timeline({ regency })).every((e) => e.regency === regency)).toBe(true);
      const in2024 = await main.timeline({ from: '2024', to: '2024' });
      expect(in2024.length).toBeGreaterThan(0);
      expect(in2024.every((e) => e.date?.startsWith('2024'))).toBe(true);
      const awards = await main.timeline({ type: 'award' });
      expect(awards.length).toBeGreaterThan(0);
      expect(awards.every((e) => e.type === 'award')).toBe(true);
      const wbbm = await main.timeline({ predicate: 'WBBM' });
      expect(wbbm.every((e) => e.predicate === 'WBBM')).toBe(true);
      const withUnit = all.find((e) => e.unitIds.length > 0) as (typeof all)[number];
      const unit = (await main.units(withUnit.regency)).find((u) => u.id === withUnit.unitIds[0]);
      expect(unit).toBeDefined();
      for (const name of [unit?.name, ...(unit?.aliases ?? [])]) {
        const found = await main.timeline({ regency: withUnit.regency, unit: name as string });
        expect(found.map((e) => e.id)).toContain(withUnit.id);
      }
    });

    it('reads a timeline a page at a time, each page the summaries of what slicing the whole gives', async () => {
      const all = await main.timeline();
      const regency = all[0]?.regency as string;
      for (const query of [{}, { regency }, { type: 'award' as const }, { from: '2024', to: '2024' }]) {
        const whole = await main.timeline(query);
        for (const [limit, offset] of [
          [5, 0],
          [7, 3],
          [1000, 0],
          [10, whole.length],
        ] as const)
          expect(await main.timelinePage(query, { limit, offset })).toEqual({
            items: whole.slice(offset, offset + limit).map(summarizeEvent),
            total: whole.length,
          });
      }
    });

    it('knows the regencies it holds anything on, under any of their names', async () => {
      const [event] = await main.timeline();
      const regency = event?.regency as string;
      const place = regency.replace(/^(Kabupaten|Kota) /, '');
      for (const name of [regency, regency.toUpperCase(), place, ` ${place.toLowerCase()} `])
        expect(await main.hasRegency(name), name).toBe(true);
      const [official] = await main.officials();
      expect(await main.hasRegency(official?.regency as string)).toBe(true);
      expect(await main.hasRegency('Kabupaten Atlantis')).toBe(false);
      expect(await main.hasRegency('Atlantis')).toBe(false);
    });

    it('explains an event by its sources and knows no unknown id', async () => {
      const [first] = await main.timeline();
      const event = await main.event(first?.id as string);
      expect(event).toEqual(first);
      expect(await main.event('no-such-id')).toBeNull();
    });

    it('finds a unit by its id and knows no unknown one', async () => {
      const [first] = await main.units();
      expect(await main.unit(first?.id as string)).toEqual(first);
      expect(await main.unit('no-such-id')).toBeNull();
    });

    it('searches unit names and aliases, officials and event sentences, a page at a time', async () => {
      const unit = (await main.units()).find((u) => u.aliases.length > 0) as UnitStatus;
      const byAlias = await main.search({ text: unit.aliases[0] as string, limit: 1000, offset: 0 });
      expect(byAlias.items).toContainEqual({
        kind: 'unit',
        id: unit.id,
        regency: unit.regency,
        name: unit.name,
      });
      const official = (await main.officials())[0] as OfficialRecord;
      const byName = await main.search({ text: official.name.toUpperCase(), limit: 1000, offset: 0 });
      expect(byName.items).toContainEqual({
        kind: 'official',
        id: official.id,
        regency: official.regency,
        name: official.name,
        roles: official.roles,
      });
      const event = (await main.timeline())[0] as TimelineEvent;
      const source = event.sources[0] as TimelineEvent['sources'][number];
      const words = source.sentence.split(' ').slice(1, 4).join(' ');
      const bySentence = await main.search({ text: words, regency: event.regency, limit: 1000, offset: 0 });
      expect(bySentence.items).toContainEqual({
        kind: 'sentence',
        eventId: event.id,
        regency: event.regency,
        documentId: source.documentId,
        sentence: source.sentence,
        start: source.start,
        end: source.end,
      });
      expect(bySentence.items.every((h) => h.regency === event.regency)).toBe(true);

      const all = await main.search({ text: 'kabupaten', limit: 1000, offset: 0 });
      expect(all.total).toBe(all.items.length);
      expect(new Set(all.items.map((h) => h.kind))).toEqual(new Set(['unit', 'official', 'sentence']));
      const pages = [];
      for (let offset = 0; offset < all.total; offset += 7)
        pages.push(...(await main.search({ text: 'kabupaten', limit: 7, offset })).items);
      expect(pages).toEqual(all.items);
      expect(await main.search({ text: 'kabupaten', limit: 5, offset: all.total })).toEqual({
        items: [],
        total: all.total,
      });
      // A quote is escaped in the stored JSON; the search finds it as written.
      const quoted = (await main.timeline())
        .flatMap((e) => e.sources.map((s) => ({ event: e, sentence: s.sentence })))
        .find(({ sentence }) => /"\w+"/.test(sentence));
      expect(quoted).toBeDefined();
      const phrase = /\S+ "\w+"/.exec(quoted?.sentence as string)?.[0] as string;
      const byQuote = await main.search({ text: phrase, limit: 1000, offset: 0 });
      expect(byQuote.items.map((h) => (h.kind === 'sentence' ? h.eventId : null))).toContain(
        quoted?.event.id,
      );
      // The wildcards of LIKE are plain characters to a search.
      expect((await main.search({ text: '%', limit: 10, offset: 0 })).total).toBe(0);
      expect((await main.search({ text: '_', limit: 10, offset: 0 })).total).toBe(0);
    });

    it('re-extracts from stored text and reports what the timeline gained back', async () => {
      const unchanged = await reextract(main);
      expect(unchanged.documents).toBe(files.length);
      expect(unchanged.change).toEqual({
        counts: { added: 0, removed: 0, changed: 0 },
        added: [],
        removed: [],
        changed: [],
      });
      // Wipe one document's facts, as an older rule set might have left them, and re-merge.
      const [victim] = await main.texts(null, 1);
      const empty = { regencies: [], units: [], officials: [], events: [], awards: [], scores: [] };
      await main.saveExtractions([
        { documentId: victim?.id as string, extractorVersion: 'old', facts: empty },
      ]);
      // The document no longer touches any regency, and nothing else changed.
      const whole = await regencyDocumentsOfFacts(main);
      expect([...whole.values()].some((ids) => ids.includes(victim?.id as string))).toBe(false);
      expect(await main.regencyDocuments()).toEqual(whole);
      const { events: fewer } = await rebuild(main);
      const restored = await reextract(main);
      expect(await main.regencyDocuments()).toEqual(await regencyDocumentsOfFacts(main));
      expect(restored.updated).toBe(1);
      expect((await main.timeline()).length).toBeGreaterThanOrEqual(fewer);
      expect(restored.change.counts.removed).toBe(0);
      expect(restored.change.counts.added).toBeGreaterThan(0);
    });
  });
}
