import { TimelineEventSchema } from '../../models/index.js';
import { IdParams, NoQuery } from '../params.js';
import { itemRoute, NotFoundError } from '../route.js';

export const eventRoute = itemRoute({
  path: '/api/events/:id',
  operationId: 'event',
  summary:
    'one event as `zi explain` shows it: every source document with its sentence, offsets and extractor version',
  params: IdParams,
  query: NoQuery,
  notFound: true,
  response: { id: 'TimelineEvent', schema: TimelineEventSchema },
  async get(store, { params }) {
    const event = await store.event(params.id);
    if (!event) throw new NotFoundError(`no event with id "${params.id}"`);
    return event;
  },
});
