import {
  type AwardFact,
  type DateMention,
  datePartsAgree,
  type EventFact,
  type EventMention,
  type EventType,
  type Predicate,
  type RegencyMention,
} from '../../models/index.js';
import { pushTo } from '../collections.js';
import cues from '../lexicon/event-cues.json' with { type: 'json' };
import { anyOfSources } from '../patterns.js';
import { formatDate } from '../refiners/resolve-years.js';
import { AIM, cueSpans } from './cues.js';
import type { DocumentView } from './document-view.js';
import type { ProgrammeUnit } from './units.js';

/** Kinds that name the evaluation stage precisely; a bare "evaluasi" in the same story is one of them. */
const SPECIFIC_EVALUATIONS: ReadonlySet<EventType> = new Set([
  'desk_evaluation',
  'field_evaluation',
  'internal_assessment',
]);
/** The national team's evaluations, which a "kunjungan" by the evaluators carries out. */
const NATIONAL_EVALUATIONS: ReadonlySet<EventType> = new Set([
  'desk_evaluation',
  'field_evaluation',
  'evaluation',
]);
/** A habit is not an activity: "secara rutin mencanangkan … setiap tahunnya". */
const HABITUAL =
  /(?<![\p{L}])(?:setiap\s+tahun(?:nya)?|secara\s+rutin|rutin\s+(?:setiap|tiap)|tiap\s+tahun)(?![\p{L}])/iu;
/** A sentence that only continues the previous activity: "Kegiatan yang berlangsung Senin (3/3) itu…". */
const CONTINUATION =
  /^(?:Kegiatan|Acara|Agenda|Kunjungan|Evaluasi|Rakor|Sosialisasi|Pencanangan|Penganugerahan)(?![\p{L}])/u;
/** Who acts, not what happens: an actor names the activity only when nothing else in the sentence does. */
const ACTOR = new RegExp(`^(?:${anyOfSources(cues.actors)})$`, 'iu');
const VISIT_RECEIVED = /menerima\s+(?:rombongan|kunjungan)|kedatangan/iu;

interface Candidate {
  type: EventType;
  date: DateMention | null;
  regency: string | null;
  host: string | null;
  units: string[];
  predicates: Set<Predicate>;
  sentences: number[];
}

/**
 * Turns event cues into one event per activity. The earliest cue in a sentence names its activity;
 * sentences about the same kind merge when their dates agree at their precision, a bare "evaluasi"
 * joins the precisely named evaluation, and an activity no sentence dates is left out.
 */
export function assembleEvents(view: DocumentView, units: readonly ProgrammeUnit[]): EventFact[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < view.sentences.length; i++) {
    const cues = view.inSentence('event', i);
    const sentence = view.sentenceText(i);
    if (cues.length === 0) {
      const last = candidates.at(-1);
      const date = bestDate(view.inSentence('date', i));
      if (last && date && CONTINUATION.test(sentence) && !hasDay(last.date)) last.date = date;
      continue;
    }
    if (HABITUAL.test(sentence)) continue;
    const candidate = candidateOf(view, i, cues, units);
    if (!isAim(view, i, candidate)) candidates.push(candidate);
  }
  // Only an activity the document dates nowhere else borrows a neighbour's day.
  for (const c of candidates) {
    if (c.date !== null || candidates.some((o) => o.type === c.type && o.date !== null)) continue;
    c.date = neighbourDate(view, c.sentences[0] as number);
  }
  const regencyOfUnit = new Map(units.map((u) => [u.fact.name, u.fact.regency]));
  return mergeCandidates(candidates)
    .flatMap((c) => splitByRegency(c, regencyOfUnit))
    .map((c) => ({ ...c, regency: c.regency ?? view.mainRegency }))
    .filter((c) => c.date !== null && formatDate(c.date) !== null && c.regency !== null)
    .map((c) => ({
      type: c.type,
      date: formatDate(c.date as DateMention),
      regency: c.regency as string,
      host: c.host,
      units: c.units,
      predicate: c.predicates.size === 1 ? ([...c.predicates][0] as Predicate) : null,
      evidence: c.sentences.map((s) => ({
        start: view.sentences[s]?.start ?? 0,
        end: view.sentences[s]?.end ?? 0,
        rule: `event-${c.type.replace(/_/g, '-')}`,
      })),
    }));
}

/**
 * A ceremony's units are those the document says received a predicate that year, wherever it names them
 * ("Sementara dari Kabupaten Blitar, predikat serupa diberikan kepada …"); the event's predicate is theirs
 * where they share one. Runs after the awards are read, then splits the ceremony per regency.
 */
export function withAwardedUnits(
  events: readonly EventFact[],
  awards: readonly AwardFact[],
  units: readonly ProgrammeUnit[],
): EventFact[] {
  const regencyOfUnit = new Map(units.map((u) => [u.fact.name, u.fact.regency]));
  return events.flatMap((e) => {
    if (e.type !== 'award' || e.date === null || !/^\d{4}/.test(e.date)) return [e];
    const year = Number(e.date.slice(0, 4));
    const received = awards.filter((a) => a.year === year);
    const withUnits = { ...e, units: [...new Set([...e.units, ...received.map((a) => a.unit)])] };
    return splitByRegency(withUnits, regencyOfUnit).map((part) => {
      const predicates = new Set(received.filter((a) => part.units.includes(a.unit)).map((a) => a.predicate));
      const predicate =
        predicates.size === 1 ? ([...predicates][0] ?? null) : predicates.size > 1 ? null : part.predicate;
      return { ...part, predicate };
    });
  });
}

/**
 * One activity spanning several regencies (a ceremony awarding units of five regencies) is one event per
 * regency, each with its own units, since the timeline is kept per regency.
 */
function splitByRegency<T extends { regency: string | null; host: string | null; units: string[] }>(
  c: T,
  regencyOfUnit: ReadonlyMap<string, string | null>,
): T[] {
  const byRegency = new Map<string, string[]>();
  for (const unit of c.units) {
    const regency = regencyOfUnit.get(unit);
    // The host's units are where a visit went, not a second activity.
    if (regency && regency !== c.host) pushTo(byRegency, regency, unit);
  }
  if (byRegency.size === 0) return [c];
  if (byRegency.size === 1) {
    const [only] = byRegency.keys();
    return [{ ...c, regency: c.regency ?? (only as string) }];
  }
  const unplaced = c.units.filter((u) => !regencyOfUnit.get(u));
  return [...byRegency].map(([regency, units]) => ({
    ...c,
    regency,
    host: c.host === regency ? null : c.host,
    units: regency === c.regency ? [...units, ...unplaced] : units,
  }));
}

function candidateOf(
  view: DocumentView,
  i: number,
  cues: EventMention[],
  units: readonly ProgrammeUnit[],
): Candidate {
  const specific = cues.find((c) => SPECIFIC_EVALUATIONS.has(c.type));
  const first = cues.find((c) => !ACTOR.test(c.text)) ?? (cues[0] as EventMention);
  // "Tim penilai nasional berkunjung untuk evaluasi lapangan": the evaluators' visit is their evaluation.
  // A visit to learn from another unit's self-assessment stays a visit.
  const national = cues.find((c) => NATIONAL_EVALUATIONS.has(c.type));
  const type =
    first.type === 'evaluation' && specific
      ? specific.type
      : first.type === 'visit' && national
        ? national.type
        : first.type;
  const regencies = view.inSentence('regency', i).filter((r) => !view.isDateline(r));
  const { regency, host } =
    type === 'visit'
      ? visitParties(view, i, regencies, first)
      : { regency: regencies[0]?.regency ?? null, host: null };
  const predicates = new Set<Predicate>();
  for (const p of view.inSentence('predicate', i)) if (p.predicate !== 'ZI') predicates.add(p.predicate);
  return {
    type,
    date: bestDate(view.inSentence('date', i)),
    regency,
    host,
    units: units.filter((u) => u.programmeSentences.has(i)).map((u) => u.fact.name),
    predicates,
    sentences: [i],
  };
}

/**
 * In a visit the visitor's regency owns the event and the host is kept apart: "X menerima kunjungan …
 * Kabupaten Situbondo" makes Situbondo the visitor; "studi tiru ke Kabupaten Badung" makes Badung the host.
 */
function visitParties(
  view: DocumentView,
  i: number,
  regencies: RegencyMention[],
  cue: EventMention,
): { regency: string | null; host: string | null } {
  const sentence = view.sentenceText(i);
  const offset = view.sentences[i]?.start ?? 0;
  const before = regencies.filter((r) => r.start < cue.start);
  const after = regencies.filter((r) => r.start >= cue.start);
  if (VISIT_RECEIVED.test(sentence)) {
    const visitor = after.find((r) => r.regency !== before[0]?.regency) ?? null;
    return {
      regency: visitor?.regency ?? null,
      host: before[0]?.regency ?? (visitor ? view.mainRegency : null),
    };
  }
  const toIndex = sentence.slice(cue.end - offset).search(/(?<![\p{L}])(?:ke|di)(?![\p{L}])/u);
  const hostMention = toIndex >= 0 ? after.find((r) => r.start >= cue.end + toIndex) : undefined;
  const visitor =
    before[0]?.regency ??
    after.find((r) => r.regency !== hostMention?.regency)?.regency ??
    (hostMention ? null : view.mainRegency);
  return {
    regency: visitor,
    host: hostMention && hostMention.regency !== visitor ? hostMention.regency : null,
  };
}

/** How many words before a cue an aim word still governs it. */
const AIM_WINDOW_WORDS = 8;

/**
 * A target is not an activity: an aim word shortly before the cue ("menargetkan keempat unit itu
 * diusulkan"), or a date no closer than "tahun depan".
 */
function isAim(view: DocumentView, i: number, c: Candidate): boolean {
  if (c.date?.relativeYear !== null && c.date?.relativeYear !== undefined && c.date.relativeYear > 0)
    return true;
  const sentence = view.sentenceText(i);
  const offset = view.sentences[i]?.start ?? 0;
  const cue = view.inSentence('event', i).find((e) => e.type === c.type) ?? view.inSentence('event', i)[0];
  if (!cue) return false;
  const window = sentence
    .slice(0, cue.start - offset)
    .trim()
    .split(/\s+/)
    .slice(-AIM_WINDOW_WORDS)
    .join(' ');
  return cueSpans(AIM, window).length > 0;
}

/**
 * An activity named without a date takes the day a neighbouring sentence gives, where that sentence names
 * no activity of its own: "… didatangi tim evaluator pada 11 September 2025. Kedatangan itu bagian dari
 * evaluasi lapangan …", "… bergiliran menjalani desk evaluasi. Pemkot Blitar mendapat giliran pertama
 * pada Selasa (2/9)."
 */
function neighbourDate(view: DocumentView, i: number): DateMention | null {
  for (const j of [i - 1, i + 1]) {
    if (j < 0 || j >= view.sentences.length || view.isHeadline(j)) continue;
    if (view.inSentence('event', j).length > 0) continue;
    const date = bestDate(view.inSentence('date', j));
    if (date && hasDay(date)) return date;
  }
  return null;
}

function hasDay(d: DateMention | null): boolean {
  return d !== null && d.day !== null;
}

function precision(d: DateMention | null): number {
  if (d === null || formatDate(d) === null) return 0;
  return (d.year !== null ? 1 : 0) + (d.month !== null ? 2 : 0) + (d.day !== null ? 4 : 0);
}

/** The most precise date that dates an activity (not the start of a range) in a sentence. */
function bestDate(dates: DateMention[]): DateMention | null {
  let best: DateMention | null = null;
  for (const d of dates) if (d.relation === 'on' && precision(d) > precision(best)) best = d;
  return best;
}

/** Two dates agree when every part both give is equal. */
function compatible(a: DateMention | null, b: DateMention | null): boolean {
  return a === null || b === null || datePartsAgree(a, b);
}

function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  const hasSpecific = candidates.some((c) => SPECIFIC_EVALUATIONS.has(c.type));
  for (const c of candidates) {
    const type = c.type === 'evaluation' && hasSpecific ? null : c.type;
    const target = merged.find(
      (m) =>
        (type === null ? SPECIFIC_EVALUATIONS.has(m.type) : m.type === type) &&
        (c.regency === null || m.regency === null || m.regency === c.regency) &&
        compatible(m.date, c.date),
    );
    if (!target) {
      merged.push({
        ...c,
        units: [...c.units],
        predicates: new Set(c.predicates),
        sentences: [...c.sentences],
      });
      continue;
    }
    if (precision(c.date) > precision(target.date)) target.date = c.date;
    target.regency ??= c.regency;
    target.host ??= c.host;
    for (const u of c.units) if (!target.units.includes(u)) target.units.push(u);
    for (const p of c.predicates) target.predicates.add(p);
    target.sentences.push(...c.sentences);
  }
  return merged;
}
