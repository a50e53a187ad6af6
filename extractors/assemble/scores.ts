import type { EventFact, ScoreFact } from '../../models/index.js';
import type { DocumentView } from './document-view.js';

/** Activities whose outcome is a zona-integritas score: the TPI's assessment, the national evaluation. */
const SCORED_ACTIVITIES = new Set([
  'internal_assessment',
  'evaluation',
  'desk_evaluation',
  'field_evaluation',
]);

/**
 * The year a document's undated ZI scores rate: the year of the assessment it reports, where that year is
 * known ("TPI menilai empat unit, Selasa (10/6)" in a 2025 article).
 */
function assessmentYear(events: readonly EventFact[]): number | null {
  const years = events
    .filter((e) => SCORED_ACTIVITIES.has(e.type) && e.date !== null && /^\d{4}/.test(e.date))
    .map((e) => Number(e.date?.slice(0, 4)));
  return years.length > 0 && years.every((y) => y === years[0]) ? (years[0] as number) : null;
}

/** Each score once, with the regency its sentence names (else the document's). */
export function assembleScores(view: DocumentView, events: readonly EventFact[]): ScoreFact[] {
  const scores: ScoreFact[] = [];
  const zoneYear = assessmentYear(events);
  for (const found of view.all('score')) {
    const m =
      found.metric === 'zona_integritas' && found.year === null && found.relativeYear === null
        ? { ...found, year: zoneYear }
        : found;
    const regency = view.inSentence('regency', m.sentence)[0]?.regency ?? view.mainRegency;
    const same = scores.find((s) => s.metric === m.metric && s.value === m.value && s.year === m.year);
    if (same) {
      same.evidence.push({ start: m.start, end: m.end, rule: m.rule });
      continue;
    }
    scores.push({
      metric: m.metric,
      value: m.value,
      year: m.year,
      regency,
      label: m.label,
      evidence: [{ start: m.start, end: m.end, rule: m.rule }],
    });
  }
  return scores;
}
