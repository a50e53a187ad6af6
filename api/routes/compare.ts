import { z } from 'zod';
import type { UnitStatus } from '../../models/index.js';
import { NoParams } from '../params.js';
import { itemRoute } from '../route.js';
import { knownRegency } from './regencies.js';

/** A comparison is read side by side: beyond a dozen regencies it is a table, which /api/regencies is. */
const MAX_REGENCIES = 12;

const count = z.number().int().nonnegative();

const AwardYearSchema = z.object({
  year: z.number().int(),
  /** Units awarded that year, whatever the predicate; a unit given both counts once. */
  units: count,
  WBK: count,
  WBBM: count,
});

const RegencyAwardsSchema = z.object({
  regency: z.string(),
  units: count.describe('units of the regency on its board'),
  awardedUnits: count.describe('units awarded at least once'),
  years: z.array(AwardYearSchema).describe('years with at least one award, in order'),
  undated: count.describe('units with an award whose year no source gives'),
});
export type RegencyAwards = z.infer<typeof RegencyAwardsSchema>;

export const CompareQuery = z.strictObject({
  // Repeated (`?regency=A&regency=B`) arrives as an array, a single one as a string.
  regency: z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z
        .array(z.string().min(1, 'must not be empty'), { error: 'is required: one or more regencies' })
        .min(1, 'is required: one or more regencies')
        .max(MAX_REGENCIES, `must be given at most ${MAX_REGENCIES} times`),
    )
    .describe('a regency to compare; repeat the parameter for each one'),
});

/** Units awarded per year, from a regency's unit board. */
export function awardsByYear(regency: string, units: readonly UnitStatus[]): RegencyAwards {
  const years = new Map<number, { units: Set<string>; WBK: Set<string>; WBBM: Set<string> }>();
  const undated = new Set<string>();
  for (const unit of units)
    for (const award of unit.awards) {
      if (award.year === null) {
        undated.add(unit.id);
        continue;
      }
      let year = years.get(award.year);
      if (!year) {
        year = { units: new Set(), WBK: new Set(), WBBM: new Set() };
        years.set(award.year, year);
      }
      year.units.add(unit.id);
      if (award.predicate) year[award.predicate].add(unit.id);
    }
  return {
    regency,
    units: units.length,
    awardedUnits: units.filter((u) => u.awards.length > 0).length,
    years: [...years]
      .sort(([a], [b]) => a - b)
      .map(([year, s]) => ({ year, units: s.units.size, WBK: s.WBK.size, WBBM: s.WBBM.size })),
    undated: undated.size,
  };
}

const ComparisonSchema = z.object({ regencies: z.array(RegencyAwardsSchema) });
export type Comparison = z.infer<typeof ComparisonSchema>;

export const compareRoute = itemRoute({
  path: '/api/compare',
  operationId: 'compareRegencies',
  summary: 'several regencies side by side: units awarded per year, by predicate',
  params: NoParams,
  query: CompareQuery,
  notFound: true,
  response: { id: 'Comparison', schema: ComparisonSchema },
  async get(store, { query }) {
    const regencies: RegencyAwards[] = [];
    for (const regency of new Set(query.regency)) {
      await knownRegency(store, regency);
      regencies.push(awardsByYear(regency, await store.units(regency)));
    }
    return { regencies };
  },
});
