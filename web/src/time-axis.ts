import type { TimelineEventSummary } from '../../models/index.js';
import { el } from './dom.js';
import { formatDate, KINDS, kindColour, kindLabel } from './kinds.js';

/** Where on the axis a date falls, in years: a bare year sits mid-year, a month mid-month. */
export function datePosition(date: string | null): number | null {
  if (!date || date.startsWith('XXXX')) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return year + 0.5;
  return year + (month - 1 + (day === undefined ? 0.5 : (day - 0.5) / 31)) / 12;
}

/** Dots closer than this (percent of the axis) go on the next row of their lane instead of overlapping. */
const MIN_GAP = 1.6;
const ROWS = 3;

function eventLabel(event: TimelineEventSummary): string {
  const units = event.units.length > 0 ? `: ${event.units.join(', ')}` : '';
  const predicate = event.predicate ? ` ${event.predicate}` : '';
  return `${formatDate(event.date)}, ${kindLabel(event.type)}${predicate}${units}`;
}

/**
 * The regency's events on a time axis, one lane per kind, each event a button that opens it. Events
 * with no usable date get a lane of their own at the end rather than a made-up place on the axis.
 */
export function renderTimeAxis(
  events: readonly TimelineEventSummary[],
  open: (event: TimelineEventSummary) => void,
): HTMLElement {
  const positions = events.map((e) => datePosition(e.date)).filter((p): p is number => p !== null);
  if (events.length === 0) return el('p', { class: 'empty' }, 'No events match.');
  const first = positions.length > 0 ? Math.floor(Math.min(...positions)) : 0;
  const last = positions.length > 0 ? Math.floor(Math.max(...positions)) + 1 : 1;
  const percent = (p: number) => ((p - first) / (last - first)) * 100;

  const dot = (event: TimelineEventSummary, left: number, row: number) => {
    const button = el('button', {
      type: 'button',
      class: 'dot',
      'data-event': event.id,
      'data-kind': event.type,
      'aria-label': eventLabel(event),
      title: eventLabel(event),
      style: `left: ${left}%; top: ${0.3 + row * 0.9}rem; background: ${kindColour(event.type)}`,
    });
    button.addEventListener('click', () => open(event));
    return button;
  };

  const lanes: HTMLElement[] = [];
  for (const { kind } of KINDS) {
    const ofKind = events
      .map((event) => ({ event, at: datePosition(event.date) }))
      .filter((x): x is { event: TimelineEventSummary; at: number } => x.event.type === kind && x.at !== null)
      .sort((a, b) => a.at - b.at);
    if (ofKind.length === 0) continue;
    const lastLeft = Array.from({ length: ROWS }, () => Number.NEGATIVE_INFINITY);
    const dots = ofKind.map(({ event, at }) => {
      const left = percent(at);
      const free = lastLeft.findIndex((l) => left - l >= MIN_GAP);
      const row = free === -1 ? ROWS - 1 : free;
      lastLeft[row] = left;
      return dot(event, left, row);
    });
    lanes.push(
      el(
        'div',
        { class: 'lane', role: 'group', 'aria-label': kindLabel(kind) },
        el('span', { class: 'lane-label' }, kindLabel(kind)),
        el('div', { class: 'track' }, ...dots),
      ),
    );
  }
  const undated = events.filter((e) => datePosition(e.date) === null);
  if (undated.length > 0)
    lanes.push(
      el(
        'div',
        { class: 'lane', role: 'group', 'aria-label': 'no date' },
        el('span', { class: 'lane-label' }, 'no date'),
        el('div', { class: 'track' }, ...undated.map((e, i) => dot(e, Math.min(98, i * MIN_GAP), 0))),
      ),
    );

  const ticks = el('div', { class: 'ticks', 'aria-hidden': 'true' });
  for (let year = first; year <= last; year++) {
    ticks.append(
      el('span', { class: 'tick', style: `left: ${percent(year)}%` }, positions.length ? year : ''),
    );
    // A span of a year or two is read by its quarters too.
    if (year < last && last - first <= 2)
      for (const [quarter, name] of [
        [0.25, 'Apr'],
        [0.5, 'Jul'],
        [0.75, 'Oct'],
      ] as const)
        ticks.append(el('span', { class: 'tick minor', style: `left: ${percent(year + quarter)}%` }, name));
  }
  return el(
    'div',
    { class: 'axis' },
    ...lanes,
    el('div', { class: 'lane' }, el('span', { class: 'lane-label' }), ticks),
  );
}

/** The colour key of the kinds the axis shows. */
export function renderLegend(events: readonly TimelineEventSummary[]): HTMLElement {
  const present = new Set(events.map((e) => e.type));
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'event kinds' },
    ...KINDS.filter((k) => present.has(k.kind)).map((k) =>
      el('li', {}, el('span', { class: 'swatch', style: `background: ${k.colour}` }), k.label),
    ),
  );
}
