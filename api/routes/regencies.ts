import { RegencySummarySchema } from '../../models/index.js';
import { REGENCIES } from '../../pipeline/format.js';
import type { Store } from '../../pipeline/store/store.js';
import { ExportQuery, NoParams } from '../params.js';
import { listRoute, NotFoundError, paged } from '../route.js';

/** Stops with a 404 unless the store holds something on the regency: events, units, officials or scores. */
export async function knownRegency(store: Store, regency: string): Promise<void> {
  if (!(await store.hasRegency(regency)))
    throw new NotFoundError(`no regency "${regency}" in the store (list them at /api/regencies)`);
}

export const regenciesRoute = listRoute({
  path: '/api/regencies',
  operationId: 'listRegencies',
  summary: 'regencies in the timeline, with their numbers of events, units and awarded units',
  params: NoParams,
  query: ExportQuery,
  notFound: false,
  item: { id: 'RegencySummary', schema: RegencySummarySchema },
  csv: { listing: REGENCIES, file: () => 'regencies' },
  list: async (store, { query }) => paged(await store.regencies(), query),
});
