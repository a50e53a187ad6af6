import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Comparison } from '../../api/routes/compare.js';
import type { EventPassages } from '../../api/routes/passages.js';
import { buildServer } from '../../api/server.js';
import {
  OfficialRecordSchema,
  RegencySummarySchema,
  ScoreRecordSchema,
  SearchHitSchema,
  summarizeEvent,
  TimelineEventSchema,
  TimelineEventSummarySchema,
  UnitStatusSchema,
} from '../../models/index.js';
import { OFFICIALS, REGENCIES, SCORES, TIMELINE, UNITS } from '../../pipeline/format.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import type { Store } from '../../pipeline/store/store.js';

const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

/**
 * The HTTP API over a store filled from the fixture corpus, the same suite on each backend: every
 * route, its filters, pages and CSV, and the answers to bad parameters and unknown ids.
 */
export function apiContract(backend: string, open: () => Promise<Store>): void {
  describe(`the API over the ${backend} store`, () => {
    let store: Store;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await open();
      const summary = await runFiles(listInputs(['fixtures/corpus']), store);
      expect(summary.failures).toEqual([]);
      app = await buildServer(store);
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const get = (url: string) => app.inject({ method: 'GET', url });
    const json = async <T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> => {
      const response = await get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      return schema.parse(response.json());
    };
    const path = (regency: string) => `/api/regencies/${encodeURIComponent(regency)}`;
    const csvLines = async (url: string) => {
      const response = await get(url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
      return { lines: response.body.trimEnd().split('\n'), total: Number(response.headers['x-total-count']) };
    };
    /** A regency with units on its board, events in its timeline and officials. */
    const busyRegency = async () => {
      const officials = new Set((await store.officials()).map((o) => o.regency));
      const summary = (await store.regencies())
        .filter((r) => officials.has(r.regency))
        .sort((a, b) => b.events + b.units - (a.events + a.units))[0];
      return summary?.regency as string;
    };

    it('lists the regencies a page at a time, as JSON and as CSV', async () => {
      const all = await store.regencies();
      const first = await json('/api/regencies', pageOf(RegencySummarySchema));
      expect(first).toEqual({ items: all.slice(0, 100), total: all.length, limit: 100, offset: 0 });
      const pages = [];
      for (let offset = 0; offset < all.length; offset += 9)
        pages.push(
          ...(await json(`/api/regencies?limit=9&offset=${offset}`, pageOf(RegencySummarySchema))).items,
        );
      expect(pages).toEqual(all);
      const past = await json(`/api/regencies?offset=${all.length}`, pageOf(RegencySummarySchema));
      expect(past).toEqual({ items: [], total: all.length, limit: 100, offset: all.length });
      const { lines, total } = await csvLines('/api/regencies?format=csv&limit=5&offset=2');
      expect(lines[0]).toBe(REGENCIES.header.join(','));
      expect(lines.slice(1)).toEqual(all.slice(2, 7).map((r) => REGENCIES.row(r).join(',')));
      expect(total).toBe(all.length);
    });

    it("gives a regency's timeline with the CLI's filters, in pages and as CSV", async () => {
      const regency = await busyRegency();
      const events = await store.timeline({ regency });
      expect(events.length).toBeGreaterThan(0);
      const page = await json(`${path(regency)}/timeline?limit=1000`, pageOf(TimelineEventSummarySchema));
      expect(page.items).toEqual(events.map(summarizeEvent));
      // A page counts each event's sources; the event itself gives them.
      expect(page.items.map((e) => e.sourceCount)).toEqual(
        events.map((e) => new Set(e.sources.map((s) => s.documentId)).size),
      );
      expect(page.total).toBe(events.length);
      const second = await json(
        `${path(regency)}/timeline?limit=1&offset=1`,
        pageOf(TimelineEventSummarySchema),
      );
      expect(second.items).toEqual(events.slice(1, 2).map(summarizeEvent));

      const all = await store.timeline();
      const award = all.find((e) => e.type === 'award' && e.predicate && e.date && !e.date.startsWith('X'));
      expect(award).toBeDefined();
      const a = award as (typeof all)[number];
      const year = (a.date as string).slice(0, 4);
      const filtered = await json(
        `${path(a.regency)}/timeline?kind=award&predicate=${a.predicate}&from=${year}&to=${year}-12&limit=1000`,
        pageOf(TimelineEventSummarySchema),
      );
      expect(filtered.items).toEqual(
        (
          await store.timeline({
            regency: a.regency,
            type: 'award',
            predicate: a.predicate ?? undefined,
            from: year,
            to: `${year}-12`,
          })
        ).map(summarizeEvent),
      );
      expect(filtered.items.map((e) => e.id)).toContain(a.id);

      const withUnit = all.find((e) => e.unitIds.length > 0) as (typeof all)[number];
      const unit = (await store.unit(withUnit.unitIds[0] as string)) as z.output<typeof UnitStatusSchema>;
      for (const name of [unit.name, ...unit.aliases]) {
        const byUnit = await json(
          `${path(withUnit.regency)}/timeline?unit=${encodeURIComponent(name)}&limit=1000`,
          pageOf(TimelineEventSummarySchema),
        );
        expect(byUnit.items.map((e) => e.id)).toContain(withUnit.id);
      }

      const { lines, total } = await csvLines(`${path(regency)}/timeline?format=csv&limit=3`);
      expect(lines[0]).toBe(TIMELINE.header.join(','));
      expect(lines.length).toBe(Math.min(3, events.length) + 1);
      expect(lines[1]?.startsWith(`${events[0]?.id},`)).toBe(true);
      expect(total).toBe(events.length);
    });

    it('takes a bare place name for both the kabupaten and the kota', async () => {
      const names = (await store.regencies()).map((r) => r.regency);
      const place = names
        .filter((n) => n.startsWith('Kota '))
        .map((n) => n.slice('Kota '.length))
        .find((p) => names.includes(`Kabupaten ${p}`));
      expect(place).toBeDefined();
      const both = await json(`${path(place as string)}/units?limit=1000`, pageOf(UnitStatusSchema));
      expect(new Set(both.items.map((u) => u.regency))).toEqual(
        new Set([`Kabupaten ${place}`, `Kota ${place}`]),
      );
    });

    it("gives a regency's unit board, and a unit by id with its events", async () => {
      const regency = await busyRegency();
      const board = await json(`${path(regency)}/units?limit=1000`, pageOf(UnitStatusSchema));
      expect(board.items).toEqual(await store.units(regency));
      const { lines } = await csvLines(`${path(regency)}/units?format=csv`);
      expect(lines[0]).toBe(UNITS.header.join(','));
      expect(lines.length).toBe(board.items.length + 1);

      const unit = (await store.units()).find((u) => u.stages.length > 0) as z.output<
        typeof UnitStatusSchema
      >;
      const detail = await json(
        `/api/units/${unit.id}`,
        UnitStatusSchema.extend({ events: z.array(TimelineEventSchema) }),
      );
      expect({ ...detail, events: undefined }).toEqual({ ...unit, events: undefined });
      expect(detail.events.length).toBeGreaterThan(0);
      expect(detail.events.every((e) => e.unitIds.includes(unit.id))).toBe(true);
      for (const stage of unit.stages) expect(detail.events.map((e) => e.id)).toContain(stage.eventId);
    });

    it('explains an event: its sources, sentences and offsets', async () => {
      const [event] = await store.timeline();
      const answer = await json(`/api/events/${event?.id}`, TimelineEventSchema);
      expect(answer).toEqual(event);
      for (const s of answer.sources) {
        expect(s.sentence.length).toBeGreaterThan(0);
        expect(s.end).toBeGreaterThan(s.start);
      }
    });

    it('gives each source of an event with the text around its sentence', async () => {
      const events = await store.timeline();
      const event = events.find((e) => e.sources.length > 1) ?? events[0];
      const answer = (await json(`/api/events/${event?.id}/passages`, z.unknown())) as EventPassages;
      expect(answer.id).toBe(event?.id);
      expect(answer.passages.map(({ before, after, moreBefore, moreAfter, ...source }) => source)).toEqual(
        event?.sources,
      );
      const texts = new Map(
        (await store.textsOf(answer.passages.map((p) => p.documentId))).map((t) => [t.id, t.text]),
      );
      for (const p of answer.passages) {
        const text = texts.get(p.documentId) as string;
        // The passage is a piece of the document itself, the sentence where its offsets put it.
        expect(text.slice(p.start - p.before.length, p.end + p.after.length)).toBe(
          `${p.before}${p.sentence}${p.after}`,
        );
        expect(p.moreBefore).toBe(p.start - p.before.length > 0);
        expect(p.moreAfter).toBe(p.end + p.after.length < text.length);
        expect(p.before.length + p.after.length).toBeGreaterThan(0);
      }
    });

    it('compares regencies: units awarded per year, by predicate, from their unit boards', async () => {
      const awarded = (await store.regencies()).filter((r) => r.awarded > 0).slice(0, 3);
      const query = awarded.map((r) => `regency=${encodeURIComponent(r.regency)}`).join('&');
      const { regencies } = (await json(
        `/api/compare?${query}&regency=${encodeURIComponent(awarded[0]?.regency as string)}`,
        z.unknown(),
      )) as Comparison;
      // Named twice, compared once.
      expect(regencies.map((r) => r.regency)).toEqual(awarded.map((r) => r.regency));
      for (const [k, r] of regencies.entries()) {
        const units = await store.units(r.regency);
        expect(r.units).toBe(units.length);
        expect(r.awardedUnits).toBe(awarded[k]?.awarded);
        for (const { year, units: n, WBK, WBBM } of r.years) {
          const that = units.filter((u) => u.awards.some((a) => a.year === year));
          expect(n).toBe(that.length);
          expect(WBK).toBe(
            units.filter((u) => u.awards.some((a) => a.year === year && a.predicate === 'WBK')).length,
          );
          expect(WBBM).toBe(
            units.filter((u) => u.awards.some((a) => a.year === year && a.predicate === 'WBBM')).length,
          );
        }
        expect(r.years.map((y) => y.year)).toEqual([...r.years.map((y) => y.year)].sort());
      }
    });

    it('lists officials and scores, all or of one regency, as JSON and CSV', async () => {
      const regency = await busyRegency();
      const officials = await json(
        `/api/officials?regency=${encodeURIComponent(regency)}&limit=1000`,
        pageOf(OfficialRecordSchema),
      );
      expect(officials.items).toEqual(await store.officials(regency));
      expect(officials.items.length).toBeGreaterThan(0);
      const everyone = await json('/api/officials?limit=10', pageOf(OfficialRecordSchema));
      expect(everyone.total).toBe((await store.officials()).length);
      const officialsCsv = await csvLines('/api/officials?format=csv&limit=1000');
      expect(officialsCsv.lines[0]).toBe(OFFICIALS.header.join(','));

      const scores = await store.scores();
      const scored = scores[0]?.regency as string;
      const some = await json(`/api/scores?regency=${encodeURIComponent(scored)}`, pageOf(ScoreRecordSchema));
      expect(some.items).toEqual(await store.scores(scored));
      const scoresCsv = await csvLines('/api/scores?format=csv&limit=1000');
      expect(scoresCsv.lines[0]).toBe(SCORES.header.join(','));
      expect(scoresCsv.lines.length).toBe(scores.length + 1);
    });

    it('knows a regency that has officials but no events or units', async () => {
      const listed = new Set((await store.regencies()).map((r) => r.regency));
      const alone = (await store.officials()).find((o) => !listed.has(o.regency));
      expect(alone).toBeDefined();
      const regency = alone?.regency as string;
      const officials = await json(
        `/api/officials?regency=${encodeURIComponent(regency)}`,
        pageOf(OfficialRecordSchema),
      );
      expect(officials.items.map((o) => o.id)).toContain(alone?.id);
      expect(await json(`${path(regency)}/timeline`, pageOf(TimelineEventSchema))).toMatchObject({
        total: 0,
      });
    });

    it('searches units, officials and sentences, in pages and within a regency', async () => {
      const unit = (await store.units()).find((u) => u.aliases.length > 0) as z.output<
        typeof UnitStatusSchema
      >;
      const alias = unit.aliases[0] as string;
      const byAlias = await json(
        `/api/search?q=${encodeURIComponent(alias)}&limit=1000`,
        pageOf(SearchHitSchema),
      );
      expect(byAlias.items).toContainEqual({
        kind: 'unit',
        id: unit.id,
        regency: unit.regency,
        name: unit.name,
      });

      const official = (await store.officials()).find((o) => o.roles.length > 0) as z.output<
        typeof OfficialRecordSchema
      >;
      const byName = await json(
        `/api/search?q=${encodeURIComponent(official.name)}&limit=1000`,
        pageOf(SearchHitSchema),
      );
      expect(byName.items).toContainEqual({
        kind: 'official',
        ...official,
        aliases: undefined,
        documentIds: undefined,
      });
      const byRole = await json(
        `/api/search?q=${encodeURIComponent(official.roles[0] as string)}&regency=${encodeURIComponent(official.regency)}&limit=1000`,
        pageOf(SearchHitSchema),
      );
      expect(byRole.items.map((h) => (h.kind === 'official' ? h.id : null))).toContain(official.id);
      expect(byRole.items.every((h) => h.regency === official.regency)).toBe(true);

      const [event] = await store.timeline();
      const source = event?.sources.at(-1) as z.output<typeof TimelineEventSchema>['sources'][number];
      const words = source.sentence.split(' ').slice(2, 6).join(' ');
      const bySentence = await json(
        `/api/search?q=${encodeURIComponent(words)}&limit=1000`,
        pageOf(SearchHitSchema),
      );
      expect(bySentence.items).toContainEqual({
        kind: 'sentence',
        eventId: event?.id,
        regency: event?.regency,
        documentId: source.documentId,
        sentence: source.sentence,
        start: source.start,
        end: source.end,
      });

      const all = await json('/api/search?q=kabupaten&limit=1000', pageOf(SearchHitSchema));
      expect(new Set(all.items.map((h) => h.kind))).toEqual(new Set(['unit', 'official', 'sentence']));
      const second = await json('/api/search?q=KABUPATEN&limit=4&offset=4', pageOf(SearchHitSchema));
      expect(second).toEqual({ items: all.items.slice(4, 8), total: all.total, limit: 4, offset: 4 });
    });

    it.each([
      ['/api/regencies?limit=-1', 'limit'],
      ['/api/regencies?limit=0', 'limit'],
      ['/api/regencies?limit=100000', 'limit'],
      ['/api/regencies?limit=ten', 'limit'],
      ['/api/regencies?limit=2.5', 'limit'],
      ['/api/regencies?limit=1&limit=2', 'limit'],
      ['/api/regencies?offset=-3', 'offset'],
      ['/api/regencies?format=xml', 'format'],
      ['/api/regencies?sort=name', 'sort'],
      ['/api/regencies/Probolinggo/timeline?from=2024-13', 'from'],
      ['/api/regencies/Probolinggo/timeline?from=yesterday', 'from'],
      ['/api/regencies/Probolinggo/timeline?to=XXXX-02-17', 'to'],
      ['/api/regencies/Probolinggo/timeline?from=2025&to=2024-12', 'to'],
      ['/api/regencies/Probolinggo/timeline?kind=party', 'kind'],
      ['/api/regencies/Probolinggo/timeline?predicate=ZI', 'predicate'],
      ['/api/regencies/Probolinggo/timeline?unit=', 'unit'],
      ['/api/regencies/Probolinggo/timeline?regency=Lumajang', 'regency'],
      ['/api/regencies/Probolinggo/units?kind=award', 'kind'],
      ['/api/events/x?verbose=1', 'verbose'],
      ['/api/officials?regency=', 'regency'],
      ['/api/search', 'q'],
      ['/api/search?q=a', 'q'],
      ['/api/search?q=%20%20a%20', 'q'],
      [`/api/search?q=${'x'.repeat(201)}`, 'q'],
      ['/api/search?q=dinas&format=csv', 'format'],
      ['/api/events/x/passages?context=9', 'context'],
      ['/api/compare', 'regency'],
      ['/api/compare?regency=', 'regency.0'],
      [`/api/compare?${Array.from({ length: 13 }, (_, i) => `regency=R${i}`).join('&')}`, 'regency'],
      ['/api/compare?regency=Badung&format=csv', 'format'],
    ])('refuses %s with a 400 naming %s', async (url, parameter) => {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      const body = response.json() as { error: string; parameter: string; message: string };
      expect(body.error).toBe('bad parameter');
      expect(body.parameter).toBe(parameter);
      expect(body.message.startsWith(`${parameter}: `)).toBe(true);
      expect(response.body).not.toMatch(/\n\s+at /);
    });

    it.each([
      ['/api/regencies/Atlantis/timeline', /no regency "Atlantis"/],
      ['/api/regencies/Atlantis/units', /no regency "Atlantis"/],
      ['/api/officials?regency=Atlantis', /no regency "Atlantis"/],
      ['/api/scores?regency=Atlantis', /no regency "Atlantis"/],
      ['/api/search?q=dinas&regency=Atlantis', /no regency "Atlantis"/],
      ['/api/units/no-such-unit', /no unit with id "no-such-unit"/],
      ['/api/events/no-such-event', /no event with id "no-such-event"/],
      ['/api/events/no-such-event/passages', /no event with id "no-such-event"/],
      ['/api/compare?regency=Atlantis', /no regency "Atlantis"/],
      ['/api/nothing-here', /no route \/api\/nothing-here/],
    ])('answers %s with a 404 naming it', async (url, message) => {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: 'not found', message: expect.stringMatching(message) });
    });
  });
}
