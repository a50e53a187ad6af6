import type { ScoreFact } from '../../models/index.js';
import type { DocumentView } from './document-view.js';

/** Each score once, with the regency its sentence names (else the document's). */
export function assembleScores(view: DocumentView): ScoreFact[] {
  const scores: ScoreFact[] = [];
  for (const m of view.all('score')) {
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
