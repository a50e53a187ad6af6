import type { AwardFact, Predicate } from '../../models/index.js';
import { AWARD_VERB, cueSpans, NOT_AWARDED } from './cues.js';
import type { DocumentView } from './document-view.js';
import type { ProgrammeUnit } from './units.js';

/** How far back from an award verb a negation or aim still governs it, in words of the same clause. */
const NEGATION_WINDOW_WORDS = 6;

/**
 * A unit holds a predicate where one clause names the unit, an award verb and the predicate, and no
 * negation or aim governs the verb ("belum berhasil meraih", "menargetkan", "dapat menyusul mendapatkan").
 * A recap ("telah ada tiga unit kerja yang meraih predikat WBK, yakni …") lists holders without dating
 * them; the year is read only where it is written with the verb and does not open a range ("sejak 2020").
 */
export function assembleAwards(view: DocumentView, units: readonly ProgrammeUnit[]): AwardFact[] {
  const awards: AwardFact[] = [];
  for (let i = 0; i < view.sentences.length; i++) {
    const span = view.sentences[i];
    if (!span) continue;
    const sentence = view.sentenceText(i);
    const verbs = cueSpans(AWARD_VERB, sentence).filter(([start]) => !isNegated(sentence, start));
    if (verbs.length === 0) continue;
    const verbAt = span.start + (verbs[0]?.[0] ?? 0);
    const predicates = view.inSentence('predicate', i).filter((p) => p.start > verbAt);
    if (predicates.length === 0 && !/predikat/iu.test(sentence.slice(verbAt - span.start))) continue;
    const named = new Set(predicates.map((p) => p.predicate).filter((p): p is Predicate => p !== 'ZI'));
    const predicate = named.size === 1 ? ([...named][0] as Predicate) : null;
    const yearMention = view
      .inSentence('date', i)
      .find((d) => d.start > verbAt && d.relation === 'on' && d.year !== null && d.implied.length === 0);
    for (const unit of units.filter((u) => u.programmeSentences.has(i))) {
      if (awards.some((a) => a.unit === unit.fact.name && a.predicate === predicate)) continue;
      awards.push({
        unit: unit.fact.name,
        regency: unit.fact.regency,
        predicate,
        year: yearMention?.year ?? null,
        evidence: [{ start: span.start, end: span.end, rule: 'award-statement' }],
      });
    }
  }
  return awards;
}

function isNegated(sentence: string, verbAt: number): boolean {
  const clause = sentence.slice(0, verbAt).split(/[,;:]/).at(-1) ?? '';
  const window = clause.trim().split(/\s+/).slice(-NEGATION_WINDOW_WORDS).join(' ');
  return cueSpans(NOT_AWARDED, window).length > 0;
}
