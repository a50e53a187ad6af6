import { createHash } from 'node:crypto';
import { pushTo } from '../../extractors/collections.js';
import type { Conflict, EventFact, EventSource, Predicate, TimelineEvent } from '../../models/index.js';
import { combine, compatible, precision } from './dates.js';
import type { StoredExtraction } from './stored.js';
import type { UnitRegistry } from './units.js';

/** The precision of a date that gives its day. */
const DAY = 4;

/** Kinds that name the national evaluation precisely; a source saying only "evaluasi" joins one of them. */
const SPECIFIC_EVALUATIONS = new Set(['desk_evaluation', 'field_evaluation']);

interface Report {
  documentId: string;
  index: number;
  fact: EventFact;
  unitIds: string[];
  /** Units the event names that no unit fact of its document resolves. */
  unresolved: string[];
  sources: EventSource[];
}

interface Cluster {
  regency: string;
  type: EventFact['type'];
  reports: Report[];
  unitIds: Set<string>;
  /** The distinct dates of its reports: a new report must agree with each. */
  dates: Set<string | null>;
}

/**
 * Folds the events many documents report into one timeline, as ACLED does: the same regency and kind,
 * dates that agree at their precision ("Agustus 2025" and "Kamis (28/8)") and units that overlap (or are
 * not named) make one event listing every source. Exact matching alone would split one desk evaluation
 * into as many events as its reports write its date differently. Reports are clustered in one fixed order,
 * most precise dates first, so the timeline does not depend on the order documents arrived in; a date one
 * source gives only to the month, or without a year, takes the day and year another gives. Sources that
 * disagree on the predicate or the host are kept and flagged, not resolved.
 */
export function mergeTimeline(
  extractions: readonly StoredExtraction[],
  units: UnitRegistry,
  only?: string,
): TimelineEvent[] {
  const reports: Report[] = extractions.flatMap(({ document, extractorVersion, facts }) =>
    facts.events.flatMap((fact, index) =>
      only !== undefined && fact.regency !== only
        ? []
        : [
            {
              documentId: document.id,
              index,
              fact,
              unitIds: [
                ...new Set(
                  fact.units
                    .map((u) => units.idOf(document.id, u, fact.regency))
                    .filter((id): id is string => id !== null),
                ),
              ].sort(),
              unresolved: fact.units.filter((u) => units.idOf(document.id, u, fact.regency) === null),
              sources: fact.evidence.map((ev) => ({
                documentId: document.id,
                source: document.source,
                url: document.url,
                title: document.title,
                published: document.published,
                // Sentence and page are read from the stored text and page spans once merged (rebuild.ts).
                sentence: '',
                start: ev.start,
                end: ev.end,
                page: null,
                extractorVersion,
              })),
            },
          ],
    ),
  );
  reports.sort(
    (a, b) =>
      a.fact.regency.localeCompare(b.fact.regency) ||
      specificity(b.fact.type) - specificity(a.fact.type) ||
      a.fact.type.localeCompare(b.fact.type) ||
      precision(b.fact.date) - precision(a.fact.date) ||
      (a.fact.date ?? '').localeCompare(b.fact.date ?? '') ||
      a.documentId.localeCompare(b.documentId) ||
      a.index - b.index,
  );
  const clusters: Cluster[] = [];
  // Reports only ever join a cluster of their own regency, so clusters are looked up per regency.
  const byRegency = new Map<string, Cluster[]>();
  for (const report of reports) {
    const candidates = byRegency.get(report.fact.regency) ?? [];
    const home = candidates.find((c) => belongs(c, report));
    if (home) {
      home.reports.push(report);
      home.dates.add(report.fact.date);
      for (const id of report.unitIds) home.unitIds.add(id);
    } else {
      const cluster: Cluster = {
        regency: report.fact.regency,
        type: report.fact.type,
        reports: [report],
        unitIds: new Set(report.unitIds),
        dates: new Set([report.fact.date]),
      };
      clusters.push(cluster);
      pushTo(byRegency, report.fact.regency, cluster);
    }
  }
  const nameOf = new Map(units.units.map((u) => [u.id, u.name]));
  return clusters
    .map((c) => toEvent(c, nameOf))
    .sort(
      (a, b) =>
        a.regency.localeCompare(b.regency) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.type.localeCompare(b.type) ||
        a.id.localeCompare(b.id),
    );
}

function specificity(type: EventFact['type']): number {
  return SPECIFIC_EVALUATIONS.has(type) ? 1 : 0;
}

function belongs(c: Cluster, r: Report): boolean {
  if (c.regency !== r.fact.regency) return false;
  const sameKind =
    c.type === r.fact.type ||
    // "evaluasi" in one report, "evaluasi lapangan" in another: one evaluation where day and units agree.
    (r.fact.type === 'evaluation' && SPECIFIC_EVALUATIONS.has(c.type) && precision(r.fact.date) >= DAY);
  if (!sameKind) return false;
  for (const date of c.dates) if (!compatible(date, r.fact.date)) return false;
  return c.unitIds.size === 0 || r.unitIds.length === 0 || r.unitIds.some((id) => c.unitIds.has(id));
}

function toEvent(c: Cluster, nameOf: ReadonlyMap<string, string>): TimelineEvent {
  const date = combine(c.reports.map((r) => r.fact.date));
  const unitIds = [...c.unitIds].sort();
  const predicates = valuesOf(c, (r) => r.fact.predicate);
  const hosts = valuesOf(c, (r) => r.fact.host);
  const conflicts: Conflict[] = [];
  if (predicates.length > 1) conflicts.push({ field: 'predicate', values: predicates });
  if (hosts.length > 1) conflicts.push({ field: 'host', values: hosts });
  const unresolved = [...new Set(c.reports.flatMap((r) => r.unresolved))].sort();
  return {
    id: createHash('sha256')
      .update(`${c.regency}\u0000${c.type}\u0000${date ?? ''}\u0000${unitIds.join(',')}`)
      .digest('hex')
      .slice(0, 16),
    regency: c.regency,
    type: c.type,
    date,
    host: hosts.length === 1 ? (hosts[0]?.value ?? null) : null,
    predicate: predicates.length === 1 ? ((predicates[0]?.value as Predicate | undefined) ?? null) : null,
    units: [...unitIds.map((id) => nameOf.get(id) ?? id), ...unresolved],
    unitIds,
    conflicts,
    sources: c.reports.flatMap((r) => r.sources),
  };
}

/** The distinct non-null values the reports give a field, each with the documents that give it. */
function valuesOf(c: Cluster, pick: (r: Report) => string | null): Conflict['values'] {
  const by = new Map<string, Set<string>>();
  for (const r of c.reports) {
    const v = pick(r);
    if (v !== null) by.set(v, (by.get(v) ?? new Set()).add(r.documentId));
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, ids]) => ({ value, documentIds: [...ids].sort() }));
}
