import { pushTo } from '../../extractors/collections.js';
import type { Conflict, EventType, Predicate, Stage, TimelineEvent, UnitStatus } from '../../models/index.js';
import type { StoredExtraction } from './stored.js';
import type { UnitRegistry } from './units.js';

/** The stage an event of each kind shows a unit has reached; coordination and visits show none. */
const STAGE_OF: Partial<Record<EventType, Stage>> = {
  commitment: 'declared',
  internal_assessment: 'declared',
  proposal: 'proposed',
  desk_evaluation: 'evaluated',
  field_evaluation: 'evaluated',
  evaluation: 'evaluated',
  award: 'awarded',
};
const ORDER: readonly Stage[] = ['declared', 'proposed', 'evaluated', 'awarded'];
const PREDICATE_RANK: Record<Predicate, number> = { WBK: 1, WBBM: 2 };

/**
 * Each unit's progress through the programme: the stages its events show, with their dates, and the
 * predicates its documents say it holds. The headline predicate is the highest held, in its latest year.
 * Two sources giving one predicate different years are both kept and flagged.
 */
export function unitStatuses(
  extractions: readonly StoredExtraction[],
  registry: UnitRegistry,
  events: readonly TimelineEvent[],
): UnitStatus[] {
  const awardsOf = new Map<
    string,
    { predicate: Predicate | null; year: number | null; documentId: string }[]
  >();
  for (const { document, facts } of extractions) {
    for (const a of facts.awards) {
      const id = registry.idOf(document.id, a.unit);
      if (id === null) continue;
      pushTo(awardsOf, id, { predicate: a.predicate, year: a.year, documentId: document.id });
    }
  }
  const eventsOf = new Map<string, TimelineEvent[]>();
  for (const e of events) for (const id of e.unitIds) pushTo(eventsOf, id, e);
  return registry.units.map((unit) => {
    const stages = (eventsOf.get(unit.id) ?? [])
      .filter((e) => STAGE_OF[e.type] !== undefined)
      .map((e) => ({ stage: STAGE_OF[e.type] as Stage, date: e.date, eventId: e.id }))
      .sort(
        (a, b) =>
          ORDER.indexOf(a.stage) - ORDER.indexOf(b.stage) || (a.date ?? '').localeCompare(b.date ?? ''),
      );
    const claims = awardsOf.get(unit.id) ?? [];
    const awards = distinct(claims.map(({ predicate, year }) => ({ predicate, year })));
    // A dated claim makes an undated one of the same predicate redundant.
    const held = awards.filter(
      (a) => a.year !== null || !awards.some((b) => b.predicate === a.predicate && b.year !== null),
    );
    const best = [...held].sort(
      (a, b) =>
        (PREDICATE_RANK[b.predicate ?? 'WBK'] ?? 0) - (PREDICATE_RANK[a.predicate ?? 'WBK'] ?? 0) ||
        (b.year ?? 0) - (a.year ?? 0),
    )[0];
    const reached = [...stages.map((s) => s.stage), ...(held.length > 0 ? (['awarded'] as Stage[]) : [])];
    const latestStage =
      reached.length > 0 ? (ORDER[Math.max(...reached.map((s) => ORDER.indexOf(s)))] ?? null) : null;
    return {
      id: unit.id,
      regency: unit.regency,
      name: unit.name,
      aliases: unit.aliases,
      stages,
      latestStage,
      awards: held,
      predicate: best?.predicate ?? null,
      year: best?.year ?? null,
      conflicts: yearConflicts(claims),
      documentIds: unit.documentIds,
    };
  });
}

function distinct<T>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) seen.set(JSON.stringify(item), item);
  return [...seen.values()];
}

/** One predicate, two award years from different sources: a disagreement to show, not to settle. */
function yearConflicts(
  claims: readonly { predicate: Predicate | null; year: number | null; documentId: string }[],
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const predicate of new Set(claims.map((c) => c.predicate))) {
    if (predicate === null) continue;
    const byYear = new Map<number, Set<string>>();
    for (const c of claims)
      if (c.predicate === predicate && c.year !== null)
        byYear.set(c.year, (byYear.get(c.year) ?? new Set()).add(c.documentId));
    if (byYear.size > 1)
      conflicts.push({
        field: `${predicate} year`,
        values: [...byYear]
          .sort(([a], [b]) => a - b)
          .map(([y, ids]) => ({ value: String(y), documentIds: [...ids].sort() })),
      });
  }
  return conflicts;
}
