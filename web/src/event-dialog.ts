import type { EventPassages } from '../../api/routes/passages.js';
import type { TimelineEventSummary } from '../../models/index.js';
import { api } from './api-client.js';
import { byId, el } from './dom.js';
import { formatDate, kindLabel } from './kinds.js';

type Passage = EventPassages['passages'][number];

/** Only web addresses become links: a stored URL is whatever a page or sidecar said, `javascript:` included. */
function webAddress(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function sourceHeading(passage: Passage): HTMLElement {
  const title = passage.title ?? passage.url ?? passage.source;
  const href = webAddress(passage.url);
  const where = [
    passage.published ? `published ${formatDate(passage.published)}` : null,
    passage.page ? `page ${passage.page}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return el(
    'h3',
    {},
    href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer external' }, title) : title,
    where ? el('span', { class: 'muted' }, ` (${where})`) : null,
  );
}

function passageView(passage: Passage): HTMLElement {
  return el(
    'article',
    { class: 'passage' },
    sourceHeading(passage),
    el(
      'blockquote',
      {},
      passage.moreBefore ? `…${passage.before}` : passage.before,
      el('mark', {}, passage.sentence),
      passage.moreAfter ? `${passage.after}…` : passage.after,
    ),
  );
}

/**
 * Opens an event in the page's dialog: what it is, then each source with its sentence highlighted in
 * the text around it and a link to the original. The dialog is modal, so Escape closes it and focus
 * goes back to the button that opened it.
 */
export async function openEvent(
  event: TimelineEventSummary,
  report: (message: string) => void,
): Promise<void> {
  const dialog = byId<HTMLDialogElement>('event-dialog');
  const body = byId('event-body');
  byId('event-title').textContent = `${kindLabel(event.type)}, ${formatDate(event.date)}`;
  const facts = el(
    'dl',
    { class: 'facts' },
    el('dt', {}, 'Regency'),
    el('dd', {}, event.regency),
    el('dt', {}, 'Units'),
    el('dd', {}, event.units.join('; ') || 'regency-wide'),
    event.predicate ? el('dt', {}, 'Predicate') : null,
    event.predicate ? el('dd', {}, el('span', { class: `badge ${event.predicate}` }, event.predicate)) : null,
    event.host ? el('dt', {}, 'Host') : null,
    event.host ? el('dd', {}, event.host) : null,
  );
  const conflicts =
    event.conflicts.length > 0
      ? el(
          'p',
          { class: 'conflict' },
          `Sources disagree on ${event.conflicts.map((c) => c.field).join(', ')}.`,
        )
      : null;
  body.replaceChildren(
    facts,
    ...(conflicts ? [conflicts] : []),
    el('p', { class: 'muted' }, 'Loading sources…'),
  );
  if (!dialog.open) dialog.showModal();
  try {
    const { passages } = await api.passages(event.id);
    body.replaceChildren(
      facts,
      ...(conflicts ? [conflicts] : []),
      el('h3', { class: 'sources-heading' }, `${passages.length} source${passages.length === 1 ? '' : 's'}`),
      ...passages.map(passageView),
    );
  } catch (error) {
    body.replaceChildren(
      facts,
      el('p', { class: 'error' }, `Could not load the sources: ${(error as Error).message}`),
    );
    report(`Could not load the sources of the event: ${(error as Error).message}`);
  }
}
