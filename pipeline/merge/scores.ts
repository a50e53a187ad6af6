import { pushTo } from '../../extractors/collections.js';
import type { ScoreFact, ScoreRecord } from '../../models/index.js';
import type { StoredExtraction } from './stored.js';

/**
 * One record per regency, metric and year. Sources that agree are one record with all of them; two
 * different values for the same year are both kept and flagged, never averaged or chosen between.
 */
export function mergeScores(extractions: readonly StoredExtraction[], only?: string): ScoreRecord[] {
  const groups = new Map<string, { fact: ScoreFact; regency: string; documentId: string }[]>();
  for (const { document, facts } of extractions) {
    for (const fact of facts.scores) {
      const regency = fact.regency ?? facts.regencies[0] ?? null;
      if (regency === null || (only !== undefined && regency !== only)) continue;
      const key = `${regency}\u0000${fact.metric}\u0000${fact.year ?? ''}`;
      pushTo(groups, key, { fact, regency, documentId: document.id });
    }
  }
  const records: ScoreRecord[] = [];
  for (const claims of groups.values()) {
    const first = claims[0] as (typeof claims)[number];
    const byValue = new Map<string, Set<string>>();
    for (const c of claims)
      byValue.set(String(c.fact.value), (byValue.get(String(c.fact.value)) ?? new Set()).add(c.documentId));
    const values = [...byValue]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, ids]) => ({ value, documentIds: [...ids].sort() }));
    records.push({
      regency: first.regency,
      metric: first.fact.metric,
      year: first.fact.year,
      value: values.length === 1 ? first.fact.value : null,
      label: claims.find((c) => c.fact.label !== null)?.fact.label ?? null,
      conflicts: values.length > 1 ? [{ field: 'value', values }] : [],
      documentIds: [...new Set(claims.map((c) => c.documentId))].sort(),
    });
  }
  return sortScores(records);
}

/** Scores by regency, metric and year: the merge's order, and the stores' when they read them back. */
export function sortScores(scores: ScoreRecord[]): ScoreRecord[] {
  return scores.sort(
    (a, b) =>
      a.regency.localeCompare(b.regency) || a.metric.localeCompare(b.metric) || (a.year ?? 0) - (b.year ?? 0),
  );
}
