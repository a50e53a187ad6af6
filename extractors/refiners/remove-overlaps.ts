import type { Mention } from '../../models/index.js';
import { pushTo } from '../collections.js';

/**
 * Of two mentions of one kind that overlap, the longer wins ("evaluasi lapangan" over "evaluasi",
 * "11 Oktober 2024" over "Oktober 2024"); on equal length the earlier rule in the configuration wins.
 */
export function removeOverlaps(mentions: Mention[]): Mention[] {
  const byKind = new Map<string, Mention[]>();
  for (const m of mentions) pushTo(byKind, m.kind, m);
  const kept: Mention[] = [];
  for (const group of byKind.values()) {
    const ranked = group
      .map((m, order) => ({ m, order }))
      .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.order - b.order);
    const taken: Mention[] = [];
    for (const { m } of ranked) {
      if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
      taken.push(m);
    }
    kept.push(...taken);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
