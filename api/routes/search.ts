import { SearchHitSchema } from '../../models/index.js';
import { NoParams, SearchQueryParams } from '../params.js';
import { listRoute } from '../route.js';
import { knownRegency } from './regencies.js';

export const searchRoute = listRoute({
  path: '/api/search',
  operationId: 'search',
  summary:
    'text search over unit names, officials’ names and roles, and the sentences events come from: units first, then officials, then sentences',
  params: NoParams,
  query: SearchQueryParams,
  notFound: true,
  item: { id: 'SearchHit', schema: SearchHitSchema },
  async list(store, { query }) {
    if (query.regency) await knownRegency(store, query.regency);
    return store.search({ text: query.q, regency: query.regency, limit: query.limit, offset: query.offset });
  },
});
