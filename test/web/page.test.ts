import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comparison } from '../../api/routes/compare.js';
import type { EventPassages } from '../../api/routes/passages.js';
import { buildServer } from '../../api/server.js';
import type { RegencySummary, TimelineEvent, TimelineEventSummary, UnitStatus } from '../../models/index.js';
import { listInputs } from '../../pipeline/read-inputs.js';
import { runFiles } from '../../pipeline/run.js';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import type { Store } from '../../pipeline/store/store.js';
import { launchBrowser } from '../helpers/browser.js';

/** Where the README's screenshot is written; `ZI_SCREENSHOT` puts it elsewhere (docs/web-page.png to update it). */
const SCREENSHOT = process.env.ZI_SCREENSHOT ?? join(tmpdir(), 'zi-web-page.png');

const work = mkdtempSync(join(tmpdir(), 'zi-web-'));
let store: Store;
let app: FastifyInstance;
let origin: string;
let browser: Browser;
let page: Page;
/** Every URL the page asked for, to hold it to its own origin. */
let requested: string[];
let pageErrors: string[];

async function api<T>(path: string): Promise<T> {
  return (await app.inject(path)).json() as T;
}

beforeAll(async () => {
  store = SqliteStore.open(join(work, 'web.db'));
  await runFiles(listInputs(['fixtures/corpus']), store);
  app = await buildServer(store);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  requested = [];
  pageErrors = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});
afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
  expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
});

/** A regency with events of several kinds and units: the fixture corpus's busiest. */
async function busyRegency(): Promise<string> {
  const { items } = await api<{ items: RegencySummary[] }>('/api/regencies?limit=1000');
  const sorted = [...items].sort((a, b) => b.events - a.events || a.regency.localeCompare(b.regency));
  return (sorted[0] as RegencySummary).regency;
}

async function timelineOf(regency: string, query = ''): Promise<TimelineEventSummary[]> {
  const path = `/api/regencies/${encodeURIComponent(regency)}/timeline?limit=1000${query}`;
  return (await api<{ items: TimelineEventSummary[] }>(path)).items;
}

describe('the web page', () => {
  it('lists the regencies, shows a picked one with its events, board and axis, and takes a screenshot', async () => {
    await page.goto(`${origin}/`);
    const { items: regencies } = await api<{ items: RegencySummary[] }>('/api/regencies?limit=1000');
    await expect.poll(() => page.locator('#regency option').count()).toBe(regencies.length);

    const regency = await busyRegency();
    await page.selectOption('#regency', regency);
    await expect.poll(() => page.textContent('#regency-title')).toBe(regency);
    const events = await timelineOf(regency);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(events.length);
    expect(await page.locator('#axis .dot').count()).toBe(events.length);
    const units = (await api<{ total: number }>(`/api/regencies/${encodeURIComponent(regency)}/units`)).total;
    expect(await page.locator('#board tbody tr').count()).toBe(units);
    // The axis colours each event by its kind, and the legend names exactly the kinds shown.
    const kinds = new Set(events.map((e) => e.type));
    expect(await page.locator('#legend li').count()).toBe(kinds.size);
    expect(page.url()).toContain(`regency=${encodeURIComponent(regency).replace(/%20/g, '+')}`);

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });

  it('opens an event and shows each source with its sentence highlighted in its text, linked to the original', async () => {
    const regency = await busyRegency();
    await page.goto(`${origin}/#regency=${encodeURIComponent(regency)}`);
    const [event] = await timelineOf(regency);
    if (!event) throw new Error(`${regency} has no events`);
    await page.locator(`#axis .dot[data-event="${event.id}"]`).click();
    const dialog = page.locator('#event-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const { passages } = await api<EventPassages>(`/api/events/${event.id}/passages`);
    await expect.poll(() => dialog.locator('article.passage').count()).toBe(passages.length);
    const first = passages[0] as EventPassages['passages'][number];
    expect(await dialog.locator('article.passage mark').first().textContent()).toBe(first.sentence);
    const quote = (await dialog.locator('article.passage blockquote').first().textContent()) ?? '';
    expect(quote).toContain(`${first.before}${first.sentence}${first.after}`);
    if (first.url)
      expect(await dialog.locator('article.passage h3 a').first().getAttribute('href')).toBe(first.url);
  });

  it('is usable from the keyboard: Tab to an event, Enter opens it, Escape closes it and focus comes back', async () => {
    const regency = await busyRegency();
    await page.goto(`${origin}/#regency=${encodeURIComponent(regency)}`);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBeGreaterThan(0);
    const target = page.locator('#events tbody button').first();
    await page.locator('#clear-filters').focus();
    // From the last control of the form, Tab walks the axis's dots and then reaches the list.
    for (let i = 0; i < 200; i++) {
      if (await target.evaluate((b) => b === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await target.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#event-dialog').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#event-dialog mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#event-dialog').isVisible()).toBe(false);
    expect(await target.evaluate((b) => b === document.activeElement)).toBe(true);

    // The regency picker is a plain select: arrow keys change the regency.
    await page.locator('#regency').focus();
    const before = await page.textContent('#regency-title');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.textContent('#regency-title')).not.toBe(before);
  });

  it('filters by kind, unit, predicate and year as the API does, and clears the filters', async () => {
    const regency = await busyRegency();
    await page.goto(`${origin}/#regency=${encodeURIComponent(regency)}`);
    const all = await timelineOf(regency);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(all.length);

    const kind = (all.find((e) => e.type !== all[0]?.type) ?? all[0])?.type as string;
    await page.selectOption('#filter-kind', kind);
    const ofKind = await timelineOf(regency, `&kind=${kind}`);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(ofKind.length);
    expect(
      await page.locator('#axis .dot').evaluateAll((dots) => dots.map((d) => d.getAttribute('data-kind'))),
    ).toEqual(ofKind.map(() => kind));
    expect(page.url()).toContain(`kind=${kind}`);

    await page.click('#clear-filters');
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(all.length);

    const year = all.find((e) => e.date && !e.date.startsWith('XXXX'))?.date?.slice(0, 4) as string;
    await page.selectOption('#filter-year', year);
    const ofYear = await timelineOf(regency, `&from=${year}&to=${year}`);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(ofYear.length);

    await page.click('#clear-filters');
    await page.selectOption('#filter-predicate', 'WBK');
    const wbk = await timelineOf(regency, '&predicate=WBK');
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(wbk.length);
    expect(await page.textContent('#event-count')).toBe(`${wbk.length} of ${all.length}`);

    // A unit's name on the board filters the timeline to that unit.
    await page.click('#clear-filters');
    const unit = all.find((e) => e.units.length > 0)?.units[0] as string;
    await page.locator('#board tbody th button', { hasText: unit }).first().click();
    const ofUnit = await timelineOf(regency, `&unit=${encodeURIComponent(unit)}`);
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(ofUnit.length);
    expect(await page.inputValue('#filter-unit')).toBe(unit);
    // Back goes to the view before the filter was set, as the address bar shows it.
    await page.goBack();
    await page.goForward();
    await expect.poll(() => page.inputValue('#filter-unit')).toBe(unit);
  });

  it('compares regencies: units awarded per year, the same figures as the API', async () => {
    const { items } = await api<{ items: RegencySummary[] }>('/api/regencies?limit=1000');
    const awarded = items
      .filter((r) => r.awarded > 0)
      .slice(0, 3)
      .map((r) => r.regency);
    await page.goto(`${origin}/`);
    await page.click('#tab-compare');
    await expect.poll(() => page.locator('#compare-view').isVisible()).toBe(true);
    for (const regency of awarded) {
      await page.fill('#compare-filter', regency);
      await page.locator(`#compare-list input[value="${regency}"]`).check();
    }
    const query = awarded.map((r) => `regency=${encodeURIComponent(r)}`).join('&');
    const expected = await api<Comparison>(`/api/compare?${query}`);
    // The tab's first look starts from the regency in view, so the table may hold one more than picked.
    for (const r of expected.regencies) {
      const row = page.locator(`#comparison tbody tr[data-regency="${r.regency}"]`);
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.locator('td').allTextContents();
      expect(cells.at(-2)).toBe(String(r.awardedUnits));
      expect(cells.at(-1)).toBe(String(r.units));
    }
    expect(await page.locator('#comparison .bar-group').count()).toBeGreaterThan(0);
  });

  it('shows markup in what the sources say as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">Dinas <b>Uji</b>';
    const regency = 'Kabupaten Uji Markup';
    const unit: UnitStatus = {
      id: 'u-hostile',
      regency,
      name: hostile,
      aliases: ['<script>window.pwned=2</script>'],
      stages: [{ stage: 'awarded', date: '2024-12-10', eventId: 'e-hostile' }],
      latestStage: 'awarded',
      awards: [{ predicate: 'WBK', year: 2024 }],
      predicate: 'WBK',
      year: 2024,
      conflicts: [],
      documentIds: ['d'.repeat(64)],
    };
    const event: TimelineEvent = {
      id: 'e-hostile',
      regency,
      type: 'award',
      date: '2024-12-10',
      host: null,
      predicate: 'WBK',
      units: [hostile],
      unitIds: [unit.id],
      conflicts: [],
      sources: [
        {
          documentId: 'd'.repeat(64),
          source: 'https://example.org/berita',
          url: 'javascript:window.pwned=3',
          title: '<svg onload="window.pwned=4">',
          published: '2024-12-11',
          sentence: `${hostile} meraih predikat WBK.`,
          start: 0,
          end: 10,
          page: null,
          extractorVersion: 'test',
        },
      ],
    };
    await store.replaceRegencies([
      { regency, merged: { events: [event], units: [unit], officials: [], scores: [] } },
    ]);
    try {
      await page.goto(`${origin}/#regency=${encodeURIComponent(regency)}`);
      await expect.poll(() => page.locator('#board tbody th button').textContent()).toBe(hostile);
      await page.locator('#events tbody button').first().click();
      await expect
        .poll(() => page.locator('#event-dialog mark').textContent())
        .toBe(event.sources[0]?.sentence);
      expect(await page.locator('#event-dialog article.passage h3').textContent()).toContain('<svg onload=');
      // A link that is not http(s) is not made a link at all.
      expect(await page.locator('#event-dialog a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('img, script:not([src]), svg').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    } finally {
      await store.replaceRegencies([
        { regency, merged: { events: [], units: [], officials: [], scores: [] } },
      ]);
    }
  });

  it('says so when the store has nothing on a regency in the address', async () => {
    await page.goto(`${origin}/#regency=${encodeURIComponent('Kabupaten Tidak Ada')}`);
    await expect.poll(() => page.textContent('#status')).toContain('no regency "Kabupaten Tidak Ada"');
    // The failed request is the page's own, shown in its status line; the console error it logs is expected.
    pageErrors = pageErrors.filter((e) => !e.includes('404'));
  });
});
