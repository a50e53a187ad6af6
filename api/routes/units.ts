import { TimelineEventSchema, UnitStatusSchema } from '../../models/index.js';
import { UNITS } from '../../pipeline/format.js';
import { ExportQuery, IdParams, NoQuery, RegencyParams } from '../params.js';
import { fileSlug, itemRoute, listRoute, NotFoundError, paged } from '../route.js';
import { knownRegency } from './regencies.js';

export const unitBoardRoute = listRoute({
  path: '/api/regencies/:regency/units',
  operationId: 'regencyUnits',
  summary: "a regency's unit status board: each unit, its stages, latest stage, predicate and year",
  params: RegencyParams,
  query: ExportQuery,
  notFound: true,
  item: { id: 'UnitStatus', schema: UnitStatusSchema },
  csv: { listing: UNITS, file: ({ params: { regency } }) => `units-${fileSlug(regency)}` },
  async list(store, { params, query }) {
    await knownRegency(store, params.regency);
    return paged(await store.units(params.regency), query);
  },
});

/** A unit with the events that name it, in timeline order. */
const UnitDetailSchema = UnitStatusSchema.extend({ events: TimelineEventSchema.array() });

export const unitRoute = itemRoute({
  path: '/api/units/:id',
  operationId: 'unit',
  summary: 'one unit by its id, with every event that names it',
  params: IdParams,
  query: NoQuery,
  notFound: true,
  response: { id: 'UnitDetail', schema: UnitDetailSchema },
  async get(store, { params }) {
    const unit = await store.unit(params.id);
    if (!unit) throw new NotFoundError(`no unit with id "${params.id}"`);
    const events = await store.timeline({ regency: unit.regency });
    return { ...unit, events: events.filter((e) => e.unitIds.includes(unit.id)) };
  },
});
