import type { TimelineEvent, UnitStatus } from '../../models/index.js';
import type { StoredExtraction } from './stored.js';
import { mergeTimeline } from './timeline.js';
import { unitStatuses } from './unit-status.js';
import { resolveUnits } from './units.js';

export type { StoredExtraction } from './stored.js';

export interface Merged {
  events: TimelineEvent[];
  units: UnitStatus[];
}

/** The merge stage: every stored extraction in, one timeline and one unit status board out. Pure. */
export function merge(extractions: readonly StoredExtraction[]): Merged {
  const registry = resolveUnits(extractions);
  const events = mergeTimeline(extractions, registry);
  return { events, units: unitStatuses(extractions, registry, events) };
}
