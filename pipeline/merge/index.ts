import type { OfficialRecord, ScoreRecord, TimelineEvent, UnitStatus } from '../../models/index.js';
import { mergeOfficials } from './officials.js';
import { mergeScores } from './scores.js';
import type { StoredExtraction } from './stored.js';
import { mergeTimeline } from './timeline.js';
import { unitStatuses } from './unit-status.js';
import { resolveUnits } from './units.js';

export type { StoredExtraction } from './stored.js';
export { regenciesOf } from './units.js';

export interface Merged {
  events: TimelineEvent[];
  units: UnitStatus[];
  officials: OfficialRecord[];
  scores: ScoreRecord[];
}

/**
 * The merge stage: stored extractions in, one timeline and one unit status board out. Pure. Events and
 * units only ever merge within a regency, so with `regency` it merges that one regency alone, from the
 * documents that touch it: a large store is merged a regency at a time.
 */
export function merge(extractions: readonly StoredExtraction[], regency?: string): Merged {
  const registry = resolveUnits(extractions, regency);
  const events = mergeTimeline(extractions, registry, regency);
  return {
    events,
    units: unitStatuses(extractions, registry, events),
    officials: mergeOfficials(extractions, regency),
    scores: mergeScores(extractions, regency),
  };
}
