import { type TimelineEvent, TimelineEventSchema } from '../../models/index.js';
import type { Store } from '../../pipeline/store/store.js';
import { IdParams, NoQuery } from '../params.js';
import { itemRoute, NotFoundError } from '../route.js';

/** The stored event with this id, or a 404 naming the id. */
export async function knownEvent(store: Store, id: string): Promise<TimelineEvent> {
  const event = await store.event(id);
  if (!event) throw new NotFoundError(`no event with id "${id}"`);
  return event;
}

export const eventRoute = itemRoute({
  path: '/api/events/:id',
  operationId: 'event',
  summary:
    'one event as `zi explain` shows it: every source document with its sentence, offsets and extractor version',
  params: IdParams,
  query: NoQuery,
  notFound: true,
  response: { id: 'TimelineEvent', schema: TimelineEventSchema },
  get: (store, { params }) => knownEvent(store, params.id),
});
