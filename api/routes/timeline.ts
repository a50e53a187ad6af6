import { TimelineEventSummarySchema } from '../../models/index.js';
import { TIMELINE } from '../../pipeline/format.js';
import { RegencyParams, TimelineQuery } from '../params.js';
import { fileSlug, listRoute } from '../route.js';
import { knownRegency } from './regencies.js';

export const timelineRoute = listRoute({
  path: '/api/regencies/:regency/timeline',
  operationId: 'regencyTimeline',
  summary:
    "a regency's timeline, filtered as `zi timeline` filters it, in timeline order; each event with its sources counted (read them at /api/events/{id})",
  params: RegencyParams,
  query: TimelineQuery,
  notFound: true,
  item: { id: 'TimelineEventSummary', schema: TimelineEventSummarySchema },
  csv: { listing: TIMELINE, file: ({ params: { regency } }) => `timeline-${fileSlug(regency)}` },
  async list(store, { params, query }) {
    await knownRegency(store, params.regency);
    return store.timelinePage(
      {
        regency: params.regency,
        unit: query.unit,
        type: query.kind,
        predicate: query.predicate,
        from: query.from,
        to: query.to,
      },
      query,
    );
  },
});
