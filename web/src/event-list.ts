import type { TimelineEventSummary } from '../../models/index.js';
import { el, table } from './dom.js';
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
  return table('events', ['Date', 'Kind', 'Predicate', 'Units', 'Sources#'], rows);
}
