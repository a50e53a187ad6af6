import { OfficialRecordSchema, ScoreRecordSchema } from '../../models/index.js';
import { OFFICIALS, SCORES } from '../../pipeline/format.js';
import { NoParams, RegencyFilterQuery } from '../params.js';
import { fileSlug, listRoute, paged } from '../route.js';
import { knownRegency } from './regencies.js';

const fileFor = (what: string, regency: string | undefined) =>
  regency ? `${what}-${fileSlug(regency)}` : what;

export const officialsRoute = listRoute({
  path: '/api/officials',
  operationId: 'officials',
  summary: 'officials, each once under every form of the name the sources use, with their roles',
  params: NoParams,
  query: RegencyFilterQuery,
  notFound: true,
  item: { id: 'OfficialRecord', schema: OfficialRecordSchema },
  csv: { listing: OFFICIALS, file: ({ query }) => fileFor('officials', query.regency) },
  async list(store, { query }) {
    if (query.regency) await knownRegency(store, query.regency);
    return paged(await store.officials(query.regency), query);
  },
});

export const scoresRoute = listRoute({
  path: '/api/scores',
  operationId: 'scores',
  summary: 'figures rating regencies per metric and year; values the sources disagree on are flagged',
  params: NoParams,
  query: RegencyFilterQuery,
  notFound: true,
  item: { id: 'ScoreRecord', schema: ScoreRecordSchema },
  csv: { listing: SCORES, file: ({ query }) => fileFor('scores', query.regency) },
  async list(store, { query }) {
    if (query.regency) await knownRegency(store, query.regency);
    return paged(await store.scores(query.regency), query);
  },
});
