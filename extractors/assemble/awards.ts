import type { AwardFact, EventFact, Predicate, PredicateMention } from '../../models/index.js';
import { AWARD_VERB, cueSpans, NOT_AWARDED, RECAP } from './cues.js';
import type { DocumentView } from './document-view.js';
import type { ProgrammeUnit } from './units.js';

/**
 * A row of a published award list, one row to a line with cells separated by " | ": its last cell is the
 * predicate ("3. | Pemerintah Kabupaten Banyumas | Kecamatan Sokaraja | Menuju WBK"), which states the award.
 */
const AWARD_LIST_ROW = /\|\s*(?:Menuju\s+)?(?:WBK|WBBM)\s*$/u;

/** How far back from an award verb a negation or aim still governs it, in words of the same clause. */
const NEGATION_WINDOW_WORDS = 6;

/**
 * A unit holds a predicate where one sentence names the unit, an award verb and the predicate, and no
 * negation or aim governs the verb ("belum berhasil meraih", "menargetkan", "dapat menyusul mendapatkan").
 * Each predicate belongs to the unit named last before it ("Disdukcapil meraih WBBM dan Kecamatan
 * Pedurungan WBK"); a predicate named before every unit ("predikat WBK diberikan kepada …") to all of them.
 * The year is the one written after the predicate, else the year of the award ceremony the document
 * reports; a recap ("hingga kini telah ada tiga unit kerja yang meraih predikat WBK") is not dated by it.
 */
export function assembleAwards(
  view: DocumentView,
  units: readonly ProgrammeUnit[],
  events: readonly EventFact[],
): AwardFact[] {
  const awards: AwardFact[] = [];
  const ceremonyYear = awardEventYear(events);
  for (let i = 0; i < view.sentences.length; i++) {
    const span = view.sentences[i];
    if (!span) continue;
    const sentence = view.sentenceText(i);
    const verbs = cueSpans(AWARD_VERB, sentence).filter(([start]) => !isNegated(sentence, start));
    const firstVerb = verbs[0] ?? (AWARD_LIST_ROW.test(sentence) ? ([0, 0] as const) : undefined);
    if (firstVerb === undefined) continue;
    const predicates = view
      .inSentence('predicate', i)
      .filter((p): p is PredicateMention & { predicate: Predicate } => p.predicate !== 'ZI');
    if (predicates.length === 0 && !/predikat/iu.test(sentence.slice(firstVerb[0]))) continue;
    const here = units
      .filter((u) => u.programmeSentences.has(i))
      .map((u) => ({
        unit: u,
        at: Math.min(...u.mentions.filter((m) => m.sentence === i).map((m) => m.start)),
      }))
      .sort((x, y) => x.at - y.at);
    const isRecap = cueSpans(RECAP, sentence).length > 0;
    // "sejak 2020" dates the award the unit still holds, "tahun lalu" the year before publication.
    const dates = view.inSentence('date', i).filter((d) => d.year !== null);
    const sentenceYears = new Set(dates.map((d) => d.year));
    // "Pada penganugerahan tahun 2024, X meraih WBBM dan Y WBK": one year in the sentence dates all.
    const onlyYear = sentenceYears.size === 1 ? ([...sentenceYears][0] as number) : null;
    for (const { unit, predicate, from, to } of pairUnitsWithPredicates(here, predicates, span.end)) {
      if (awards.some((a) => a.unit === unit.fact.name && a.predicate === predicate)) continue;
      const written = dates.find((d) => d.start > from && d.start < to)?.year ?? onlyYear;
      awards.push({
        unit: unit.fact.name,
        regency: unit.fact.regency,
        predicate,
        year: written ?? (isRecap ? null : ceremonyYear),
        evidence: [{ start: span.start, end: span.end, rule: 'award-statement' }],
      });
    }
  }
  return resolveAnaphora(awards);
}

interface Placed {
  unit: ProgrammeUnit;
  at: number;
}

/**
 * Walks units and predicates in text order. Units named before a predicate form its group ("X, Y dan Z
 * meraih predikat WBK"; "X meraih WBBM dan Y WBK"); units after the last predicate take it ("X meraih WBK
 * pada 2020, disusul Y pada 2022"; "predikat WBK diberikan kepada X dan Y"); a predicate after a group with
 * no units of its own is that group's too ("X meraih WBK pada 2021 dan WBBM pada 2023"). Each pair carries
 * the stretch of text where its year may be written: from its predicate to the next unit or predicate.
 */
function pairUnitsWithPredicates(
  units: readonly Placed[],
  predicates: readonly (PredicateMention & { predicate: Predicate })[],
  end: number,
): { unit: ProgrammeUnit; predicate: Predicate | null; from: number; to: number }[] {
  const pairs: { unit: ProgrammeUnit; predicate: Predicate | null; from: number; to: number }[] = [];
  let pending: Placed[] = [];
  let group: Placed[] = [];
  let last: (PredicateMention & { predicate: Predicate }) | null = null;
  let u = 0;
  for (const [k, p] of predicates.entries()) {
    while (u < units.length && (units[u] as Placed).at < p.start) pending.push(units[u++] as Placed);
    const to = Math.min(units[u]?.at ?? end, predicates[k + 1]?.start ?? end);
    // "X meraih WBK pada 2021 dan WBBM pada 2023": a predicate with no new units is the last group's too.
    const owners = pending.length > 0 ? pending : group;
    for (const placed of owners) pairs.push({ unit: placed.unit, predicate: p.predicate, from: p.start, to });
    if (pending.length > 0 || last === null) last = p;
    if (pending.length > 0) group = pending;
    pending = [];
  }
  const rest = units.slice(u);
  for (const [k, placed] of rest.entries()) {
    const to = rest[k + 1]?.at ?? end;
    pairs.push({ unit: placed.unit, predicate: last?.predicate ?? null, from: placed.at, to });
  }
  return pairs;
}

/**
 * "Khusus RSUD dr. Haryoto, predikat tersebut sudah diraih sejak 2022": an award without a predicate for a
 * unit already known to hold one is that award, now dated.
 */
function resolveAnaphora(awards: readonly AwardFact[]): AwardFact[] {
  const named = awards.filter((a) => a.predicate !== null);
  for (const bare of awards) {
    if (bare.predicate !== null) continue;
    const known = named.filter((a) => a.unit === bare.unit);
    if (known.length === 1) (known[0] as AwardFact).year ??= bare.year;
  }
  return awards.filter((a) => a.predicate !== null || !named.some((n) => n.unit === a.unit));
}

/** The year of the award ceremony a document reports, where it reports exactly one year of them. */
function awardEventYear(events: readonly EventFact[]): number | null {
  const years = new Set(
    events
      .filter((e) => e.type === 'award' && e.date !== null && /^\d{4}/.test(e.date))
      .map((e) => Number(e.date?.slice(0, 4))),
  );
  return years.size === 1 ? ([...years][0] as number) : null;
}

function isNegated(sentence: string, verbAt: number): boolean {
  const clause = sentence.slice(0, verbAt).split(/[,;:]/).at(-1) ?? '';
  const window = clause.trim().split(/\s+/).slice(-NEGATION_WINDOW_WORDS).join(' ');
  return cueSpans(NOT_AWARDED, window).length > 0;
}
