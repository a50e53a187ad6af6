import type { RegencyMention, UnitFact, UnitMention } from '../../models/index.js';
import { pushTo } from '../collections.js';
import { regenciesOfDistrict } from '../lexicon/regencies.js';
import { ROLE_TITLE_WORDS } from '../officials/role-lexicon.js';
import { anyOf } from '../patterns.js';
import { unitKey } from '../units/unit-lexicon.js';
import {
  ACTOR_OFFICE,
  ATTENDANCE,
  AWARD_VERB,
  cueSpans,
  ENUMERATOR,
  NOT_UNIT_BEFORE,
  PROGRAMME_UNIT_BEFORE,
} from './cues.js';
import type { DocumentView } from './document-view.js';

/** A unit named right after a title is part of a job title: "Kepala Dinas Kesehatan", "Plt Kabag Organisasi". */
const TITLE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${anyOf(ROLE_TITLE_WORDS)})\\.?\\s*$`, 'u');
/** What may stand between a cue and the unit it governs in a list: other units (#), commas, "dan", "serta". */
const LIST_GLUE = /^(?:[\s,]|dan|serta|dari|para|pada|dan juga|\([^)]*\)|#)*$/u;
const LOCATION_CUE = /^(?:ruang|aula|gedung|lantai|halaman|pendopo|kantor)$/iu;

export interface ProgrammeUnit {
  key: string;
  fact: UnitFact;
  mentions: UnitMention[];
  /** Mentions that place the unit in the programme, by sentence. */
  programmeSentences: Set<number>;
}

/** The key that says two mentions name one unit: the dictionary name when known, else the written name. */
export function unitMentionKey(m: UnitMention): string {
  return unitKey(m.canonical ?? m.name);
}

/**
 * Decides which named units the document places in the programme and merges their names. A mention
 * counts where its sentence is about the programme (an event cue, a predicate, an award verb, or "unit
 * kerja X") and it is not a job title, an attendee, an organiser ("melalui Inspektorat"), a place
 * ("di ruang … Mal Pelayanan Publik") or a headline word.
 */
export function assembleUnits(view: DocumentView): ProgrammeUnit[] {
  const groups = new Map<string, UnitMention[]>();
  const aliasOf = new Map<string, string>();
  for (const m of view.all('unit')) {
    const key = aliasOf.get(unitKey(m.name)) ?? unitMentionKey(m);
    pushTo(groups, key, m);
    if (m.alias) aliasOf.set(unitKey(m.alias), key);
  }
  // A bare alias seen before its bracketed definition still joins its group.
  for (const [key, ms] of [...groups]) {
    const target = aliasOf.get(key);
    if (target && target !== key && groups.has(target)) {
      groups.set(target, [...(groups.get(target) ?? []), ...ms]);
      groups.delete(key);
    }
  }
  joinBareOffices(groups);
  const units: ProgrammeUnit[] = [];
  for (const [key, mentions] of groups) {
    const programmeSentences = new Set(
      mentions.filter((m) => placesInProgramme(view, m)).map((m) => m.sentence),
    );
    if (programmeSentences.size === 0) continue;
    units.push({ key, fact: unitFact(view, mentions), mentions, programmeSentences });
  }
  return units;
}

/**
 * "MPP tersebut", "Disdukcapil": an office named only by its kind joins the one unit of that kind the
 * document names in full ("Mal Pelayanan Publik (MPP) Banyuwangi"), where there is exactly one.
 */
function joinBareOffices(groups: Map<string, UnitMention[]>): void {
  for (const [key, ms] of [...groups]) {
    const kind = ms[0]?.canonical;
    if (!kind || !ms.every((m) => m.canonical === kind && m.rule === 'office-abbreviation')) continue;
    const prefix = unitKey(kind);
    const fuller = [...groups.keys()].filter((k) => k !== key && k.startsWith(`${prefix} `));
    if (fuller.length !== 1) continue;
    const target = fuller[0] as string;
    groups.set(target, [...(groups.get(target) ?? []), ...ms]);
    groups.delete(key);
  }
}

function unitFact(view: DocumentView, mentions: UnitMention[]): UnitFact {
  const written = [...new Set(mentions.flatMap((m) => [m.name, ...(m.alias ? [m.alias] : [])]))];
  const regency = unitRegency(view, mentions);
  // "Dinas … (Dispendukcapil) Kabupaten Bima": the name with its regency is a form the document uses too.
  const place = regency?.replace(/^(?:Kabupaten|Kota) /, '');
  const withRegency = written.flatMap((f) =>
    [regency, place]
      .filter((r): r is string => !!r)
      .map((r) => `${f} ${r}`)
      .filter((f) => view.flatText.includes(f)),
  );
  const forms = [...new Set([...written, ...withRegency])];
  const name = forms.reduce((a, b) => (b.length > a.length ? b : a));
  return {
    name,
    aliases: forms.filter((f) => f !== name),
    canonical: mentions.find((m) => m.canonical)?.canonical ?? null,
    regency,
    evidence: mentions.map((m) => ({ start: m.start, end: m.end, rule: m.rule })),
  };
}

function unitRegency(view: DocumentView, mentions: UnitMention[]): string | null {
  const written = mentions.find((m) => m.regency)?.regency;
  if (written) return written;
  const docRegencies = new Set(view.all('regency').map((r) => r.regency));
  // A Puskesmas or Kecamatan is usually named after its kecamatan, which the gazetteer places.
  for (const m of mentions) {
    const place = m.name.split(' ').slice(1).join(' ');
    const found = regenciesOfDistrict(place).filter((r) => docRegencies.has(r.name));
    if (found.length === 1) return found[0]?.name ?? null;
  }
  const inSentence = mentions
    .flatMap((m) => view.inSentence('regency', m.sentence))
    .filter((r) => !view.isDateline(r)) as RegencyMention[];
  return inSentence[0]?.regency ?? view.mainRegency;
}

function placesInProgramme(view: DocumentView, m: UnitMention): boolean {
  if (view.isHeadline(m.sentence)) return false;
  const span = view.sentences[m.sentence];
  if (!span) return false;
  const before = view.text.slice(span.start, m.start);
  if (TITLE_BEFORE.test(before)) return false;
  if (isGovernedBy(view, m, before, NOT_UNIT_BEFORE)) return false;
  const sentence = view.sentenceText(m.sentence);
  const hasAward = cueSpans(AWARD_VERB, sentence).length > 0;
  if (!hasAward && cueSpans(ATTENDANCE, before).length > 0) return false;
  const listed = isGovernedBy(view, m, before, PROGRAMME_UNIT_BEFORE) || isEnumerated(view, m, before);
  // The inspectorate assessing, the organisation section coordinating: named with every event, in none.
  if (ACTOR_OFFICE.test(m.name.trim())) return hasAward || listed;
  if (view.inSentence('event', m.sentence).length > 0) return true;
  if (view.inSentence('predicate', m.sentence).length > 0) return true;
  return hasAward || listed;
}

/** "Ketiga unit tersebut adalah RSUD …, Kecamatan … dan Puskesmas …": a list a programme noun announces. */
function isEnumerated(view: DocumentView, m: UnitMention, before: string): boolean {
  const nouns = cueSpans(PROGRAMME_UNIT_BEFORE, before);
  const firstNoun = nouns[0];
  if (!firstNoun) return false;
  const enumerators = cueSpans(ENUMERATOR, before).filter(([start]) => start >= firstNoun[1]);
  return enumerators.length > 0 && isGovernedBy(view, m, before, ENUMERATOR);
}

/**
 * True where the last `cue` before the unit governs it: between them stand only list glue and other
 * units ("perwakilan dari Dinas Kesehatan, Bapelitbangda dan BKPSDM"), or, after a place word, a room name.
 */
function isGovernedBy(view: DocumentView, m: UnitMention, before: string, cue: RegExp): boolean {
  const spans = cueSpans(cue, before);
  const last = spans.at(-1);
  if (!last) return false;
  const span = view.sentences[m.sentence];
  if (!span) return false;
  const cueWord = before.slice(last[0], last[1]);
  let gap = before.slice(last[1]);
  if (LOCATION_CUE.test(cueWord)) return gap.length <= 40 && !/[,;]/.test(gap);
  const gapStart = span.start + last[1];
  const others = [...view.inSentence('unit', m.sentence), ...view.inSentence('regency', m.sentence)];
  for (const other of others) {
    if (other.start >= gapStart && other.end <= m.start) {
      const a = other.start - gapStart;
      gap = `${gap.slice(0, a)}#${' '.repeat(Math.max(0, other.end - other.start - 1))}${gap.slice(other.end - gapStart)}`;
    }
  }
  return LIST_GLUE.test(gap.replace(/# +/g, '#'));
}
