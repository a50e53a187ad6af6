import type { TimelineEventSummary } from '../../models/index.js';
import { el } from './dom.js';
import { formatDate, kindColour, kindLabel } from './kinds.js';

/** The same events as the axis, as a table: the way to read them in order, and with a screen reader. */
export function renderEventList(
  events: readonly TimelineEventSummary[],
  open: (event: TimelineEventSummary) => void,
): HTMLElement {
  if (events.length === 0) return el('p', { class: 'empty' }, 'No events match.');
  const rows = events.map((event) => {
    const button = el(
      'button',
      { type: 'button', class: 'link', 'data-event': event.id },
      formatDate(event.date),
    );
    button.addEventListener('click', () => open(event));
    return el(
      'tr',
      {},
      el('td', {}, button),
      el(
        'td',
        {},
        el('span', { class: 'swatch', style: `background: ${kindColour(event.type)}` }),
        kindLabel(event.type),
      ),
      el('td', {}, event.predicate ? el('span', { class: `badge ${event.predicate}` }, event.predicate) : ''),
      el('td', {}, event.units.join('; ') || el('span', { class: 'muted' }, 'regency-wide')),
      el('td', { class: 'number' }, event.sourceCount),
    );
  });
  return el(
    'table',
    { class: 'events' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Date'),
        el('th', { scope: 'col' }, 'Kind'),
        el('th', { scope: 'col' }, 'Predicate'),
        el('th', { scope: 'col' }, 'Units'),
        el('th', { scope: 'col', class: 'number' }, 'Sources'),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}
