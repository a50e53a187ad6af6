import type { RegencySummary, TimelineEventSummary, UnitStatus } from '../../models/index.js';
import { api, type TimelineFilters } from './api-client.js';
import { renderComparison } from './compare-view.js';
import { byId, el } from './dom.js';
import { openEvent } from './event-dialog.js';
import { renderEventList } from './event-list.js';
import { KINDS } from './kinds.js';
import { renderLegend, renderTimeAxis } from './time-axis.js';
import { renderUnitBoard } from './unit-board.js';
import { type PageState, readState, stateHash } from './url-state.js';

/** The API's own limit on a comparison. */
const MAX_COMPARED = 12;

let regencies: RegencySummary[] = [];
let state: PageState = readState(location.hash);
/** Bumped by each load, so that an answer arriving after a newer request was made is dropped. */
let generation = 0;

const status = (message: string) => {
  byId('status').textContent = message;
};

function go(next: PageState, push: boolean): void {
  state = next;
  const hash = stateHash(state);
  if (hash !== location.hash) history[push ? 'pushState' : 'replaceState'](null, '', hash);
  void show();
}

function filtersOf(s: PageState): TimelineFilters {
  return { kind: s.kind, unit: s.unit, predicate: s.predicate, year: s.year };
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  return el('option', { value, selected }, label);
}

function fillSelect(
  id: string,
  anyLabel: string,
  values: readonly [string, string][],
  chosen?: string,
): void {
  byId<HTMLSelectElement>(id).replaceChildren(
    option('', anyLabel, !chosen),
    ...values.map(([value, label]) => option(value, label, value === chosen)),
  );
}

function fillFilters(all: readonly TimelineEventSummary[], units: readonly UnitStatus[]): void {
  const kinds = new Set(all.map((e) => e.type));
  fillSelect(
    'filter-kind',
    'all kinds',
    KINDS.filter((k) => kinds.has(k.kind) || k.kind === state.kind).map((k) => [k.kind, k.label]),
    state.kind,
  );
  const names = units.map((u) => u.name).sort((a, b) => a.localeCompare(b));
  if (state.unit && !names.includes(state.unit)) names.unshift(state.unit);
  fillSelect(
    'filter-unit',
    'all units',
    names.map((n) => [n, n]),
    state.unit,
  );
  fillSelect(
    'filter-predicate',
    'any predicate',
    [
      ['WBK', 'WBK'],
      ['WBBM', 'WBBM'],
    ],
    state.predicate,
  );
  const years = [
    ...new Set(all.map((e) => e.date?.slice(0, 4)).filter((y): y is string => !!y && y !== 'XXXX')),
  ].sort();
  if (state.year && !years.includes(state.year)) years.push(state.year);
  fillSelect(
    'filter-year',
    'every year',
    years.map((y) => [y, y]),
    state.year,
  );
}

const openInDialog = (event: TimelineEventSummary) => void openEvent(event, status);

async function showRegency(regency: string): Promise<void> {
  const mine = ++generation;
  status(`Loading ${regency}…`);
  const filters = filtersOf(state);
  const filtered = Object.values(filters).some(Boolean);
  const [all, units, shown] = await Promise.all([
    api.timeline(regency, {}),
    api.units(regency),
    filtered ? api.timeline(regency, filters) : null,
  ]);
  if (mine !== generation) return;
  const events = shown ?? all;
  const summary = regencies.find((r) => r.regency === regency);
  byId('regency-title').textContent = regency;
  byId('regency-summary').textContent = summary
    ? `${summary.events} events, ${summary.units} units, ${summary.awarded} awarded`
    : '';
  fillFilters(all, units);
  byId('legend').replaceChildren(renderLegend(events));
  byId('axis').replaceChildren(renderTimeAxis(events, openInDialog));
  byId('event-count').textContent = filtered ? `${events.length} of ${all.length}` : String(all.length);
  byId('events').replaceChildren(renderEventList(events, openInDialog));
  byId('board').replaceChildren(renderUnitBoard(units, (unit) => go({ ...state, unit }, false)));
  status(`${regency}: ${events.length} event${events.length === 1 ? '' : 's'} shown`);
}

function renderComparePicker(): void {
  const needle = byId<HTMLInputElement>('compare-filter').value.trim().toLowerCase();
  const chosen = new Set(state.compare);
  const boxes = regencies
    .filter((r) => chosen.has(r.regency) || r.regency.toLowerCase().includes(needle))
    .map((r) => {
      const box = el('input', {
        type: 'checkbox',
        value: r.regency,
        checked: chosen.has(r.regency),
        disabled: !chosen.has(r.regency) && chosen.size >= MAX_COMPARED,
      });
      box.addEventListener('change', () => {
        const compare = box.checked
          ? [...state.compare, r.regency]
          : state.compare.filter((name) => name !== r.regency);
        go({ ...state, compare }, false);
      });
      return el(
        'li',
        {},
        el('label', {}, box, ` ${r.regency} `, el('span', { class: 'muted' }, `(${r.awarded} awarded)`)),
      );
    });
  byId('compare-list').replaceChildren(...boxes);
}

async function showComparison(): Promise<void> {
  const mine = ++generation;
  renderComparePicker();
  if (state.compare.length === 0) {
    byId('comparison').replaceChildren(renderComparison([]));
    return;
  }
  status(`Comparing ${state.compare.length} regencies…`);
  const { regencies: compared } = await api.compare(state.compare);
  if (mine !== generation) return;
  byId('comparison').replaceChildren(renderComparison(compared));
  status(`Comparing ${compared.map((r) => r.regency).join(', ')}`);
}

async function show(): Promise<void> {
  const comparing = state.view === 'compare';
  byId('regency-view').hidden = comparing;
  byId('compare-view').hidden = !comparing;
  for (const [id, selected] of [
    ['tab-regency', !comparing],
    ['tab-compare', comparing],
  ] as const) {
    byId(id).setAttribute('aria-selected', String(selected));
    // Tabs take one stop in the Tab order; the arrow keys move between them.
    byId(id).tabIndex = selected ? 0 : -1;
  }
  try {
    if (comparing) return await showComparison();
    const regency = state.regency ?? [...regencies].sort((a, b) => b.events - a.events)[0]?.regency;
    if (!regency) {
      status('The store holds no regencies yet: run `zi run <files>` or a crawl first.');
      return;
    }
    byId<HTMLSelectElement>('regency').value = regency;
    await showRegency(regency);
  } catch (error) {
    status(`Could not load: ${(error as Error).message}`);
  }
}

function wire(): void {
  byId<HTMLSelectElement>('regency').addEventListener('change', (e) => {
    const regency = (e.target as HTMLSelectElement).value;
    go({ view: 'regency', regency, compare: state.compare }, true);
  });
  const filters: [string, keyof TimelineFilters][] = [
    ['filter-kind', 'kind'],
    ['filter-unit', 'unit'],
    ['filter-predicate', 'predicate'],
    ['filter-year', 'year'],
  ];
  for (const [id, name] of filters)
    byId<HTMLSelectElement>(id).addEventListener('change', (e) => {
      const value = (e.target as HTMLSelectElement).value || undefined;
      go({ ...state, [name]: value }, false);
    });
  byId('clear-filters').addEventListener('click', () =>
    go({ view: 'regency', regency: state.regency, compare: state.compare }, false),
  );
  byId('tab-regency').addEventListener('click', () => go({ ...state, view: 'regency' }, true));
  byId('tab-compare').addEventListener('click', () => {
    // A first look at the comparison starts from the regency in view.
    const compare = state.compare.length > 0 || !state.regency ? state.compare : [state.regency];
    go({ ...state, view: 'compare', compare }, true);
  });
  byId('tabs').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const other = byId(state.view === 'compare' ? 'tab-regency' : 'tab-compare');
    other.click();
    other.focus();
  });
  byId('compare-filter').addEventListener('input', renderComparePicker);
  byId('event-close').addEventListener('click', () => byId<HTMLDialogElement>('event-dialog').close());
  window.addEventListener('popstate', () => {
    state = readState(location.hash);
    void show();
  });
}

async function start(): Promise<void> {
  wire();
  try {
    regencies = await api.regencies();
  } catch (error) {
    status(`Could not load the regencies: ${(error as Error).message}`);
    return;
  }
  byId<HTMLSelectElement>('regency').replaceChildren(
    ...regencies.map((r) => option(r.regency, `${r.regency} (${r.events} events)`, false)),
  );
  await show();
}

void start();
