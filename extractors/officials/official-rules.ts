/**
 * Officials named with their role, in both orders:
 * - title first: "Inspektur Imron Rosyadi", "Kabag Organisasi Susilo Isnadi",
 *   "Penjabat (Pj) Sekretaris Daerah (Sekda) Kabupaten Probolinggo Heri Sulistyanto",
 *   "Bupati Probolinggo, dr. Mohammad Haris (Gus Haris)", "Kapolres Lumajang AKBP Ahmad Zainul";
 * - name first: "Imron Rosyadi, Inspektur Kabupaten Probolinggo".
 * Honorifics, ranks and degrees are dropped from the name; a bracketed nickname is kept apart; the
 * regency in the role ("Sekda Kabupaten Situbondo") is kept apart and the role's abbreviations are written out.
 */
import { CALENDAR_WORDS } from '../dates/calendar.js';
import { REGENCY_PLACES, regenciesByPlace, regenciesOfDistrict } from '../lexicon/regencies.js';
import { anyOf } from '../patterns.js';
import { isHeadline } from '../sentences.js';
import type { Rule, RuleOutput } from '../types.js';
import { FUNCTION_WORDS, NAMED_HEADS, OFFICE_FORMS } from '../units/unit-lexicon.js';
import {
  ACTING_TITLES,
  DEGREES,
  expandRole,
  NAME_INTRODUCERS,
  NAME_PREFIXES,
  NAME_WORDS,
  NOT_NICKNAMES,
  PLACE_TITLES,
  ROLE_TITLE_WORDS,
  ROLE_VOCABULARY,
  TITLES,
} from './role-lexicon.js';

const CAP = "\\p{Lu}[\\p{Ll}'’\\-]*(?:[\\p{Lu}][\\p{Ll}]+)?";
const INITIAL = '\\p{Lu}\\p{Ll}{0,2}\\.(?=\\s*\\p{Lu})';
const NAME_WORD = `(?:${INITIAL}|${CAP})`;
const PREFIX = `(?:${anyOf(NAME_PREFIXES)})(?![\\p{L}])\\.?`;
// A name never starts with a title: in "Sekda Tutug Edi Utomo, Inspektur Imron Rosyadi" the comma ends a person.
const NAME = `(?!(?:${anyOf([...ACTING_TITLES, ...TITLES])})(?![\\p{L}]))(?<name>(?:${PREFIX}\\s*)*${NAME_WORD}(?:\\s+(?:${PREFIX}\\s*)*${NAME_WORD}){0,4})(?![\\p{L}])`;
const NICKNAME = '(?:\\s*\\((?<nick>[^()\\n]{2,30})\\))?';
/** Degrees written after a name, each after a comma: "Endah Puspitasari, S.Sos., M.Si., Kepala Bagian". */
const DEGREES_AFTER = `(?:\\s*,?\\s*(?:${anyOf(DEGREES)})(?![\\p{L}])\\.?)*`;
const BRACKET = '(?:\\s*\\([^()\\n]{1,40}\\))';
const ACTING = `(?:${anyOf(ACTING_TITLES)})(?![\\p{L}])${BRACKET}?`;
const TITLE = `(?:${anyOf(TITLES)})(?![\\p{L}])`;
const PLACES = anyOf(REGENCY_PLACES);
const COMPLEMENT_WORD = `(?:(?:${anyOf(NAMED_HEADS.map((h) => h.head))})\\s+${CAP}|${anyOf([
  ...ROLE_VOCABULARY,
  ...FUNCTION_WORDS,
  ...OFFICE_FORMS,
  ...REGENCY_PLACES,
])}|dan)(?![\\p{L}])`;
const CLASS = '(?:Kelas\\s+(?:I{1,3}|IV)[AB]?(?:\\s+(?:TPI|Non[\\s-]?TPI))?)';
const ROLE = `(?<role>(?:${ACTING}\\s*)?${TITLE}${BRACKET}?(?:\\s+(?:${COMPLEMENT_WORD}|${CLASS})${BRACKET}?)*)`;
/**
 * The office a title heads, named by its own words and closed by a comma before the person: "Kepala
 * Puskesmas Senduro, drg. Fitri", "Direktur RSUD dr. Soehadi Prijonegoro, Hendro", "Evaluator KemenPANRB, Dimas".
 */
const OFFICE_NAME = `(?<office>\\s+(?:(?:dr|drg)\\.\\s*)?\\p{Lu}[\\p{L}'’\\-]*(?:\\s+(?:${CLASS}|\\p{Lu}[\\p{L}'’\\-]*)){0,3})`;

/** Words that cannot be part of a person's name: titles, role words, places, calendar words. */
const NOT_NAME = new Set<string>([
  ...ROLE_TITLE_WORDS,
  ...ROLE_VOCABULARY,
  ...FUNCTION_WORDS,
  ...OFFICE_FORMS,
  ...CALENDAR_WORDS,
  ...NAMED_HEADS.map((h) => h.head.split(' ')[0] as string),
  'Kabupaten',
  'Kota',
  'Pemkab',
  'Pemkot',
  'Zona',
  'Integritas',
  'WBK',
  'WBBM',
  'ZI',
  'TPI',
  'TPN',
  'KemenPANRB',
  'Kementerian',
  'Tim',
  'Ketua',
  'Selamat',
  'Terima',
  'Sementara',
  'Selain',
  'Menurut',
  'Sedangkan',
  'Kemudian',
  'Namun',
  'Dalam',
]);
for (const w of NAME_WORDS) NOT_NAME.delete(w);
const PLACE_SET = new Set(REGENCY_PLACES);
const PREFIX_SET = new Set(NAME_PREFIXES.map((p) => p.replace(/\.$/, '').toLowerCase()));

/** The name without honorifics, cut before the first word that cannot belong to a name. */
export function cleanName(raw: string): string | null {
  const words = raw.replace(/\s+/g, ' ').trim().split(' ');
  while (words.length > 0 && PREFIX_SET.has((words[0] as string).replace(/\.$/, '').toLowerCase()))
    words.shift();
  const kept: string[] = [];
  for (const w of words) {
    if (NOT_NAME.has(w.replace(/\.$/, '')) || PREFIX_SET.has(w.replace(/\.$/, '').toLowerCase())) break;
    kept.push(w);
  }
  while (kept.length > 0 && /^\p{Lu}\p{Ll}{0,3}\.$/u.test(kept.at(-1) as string)) kept.pop();
  // Initials alone ("S." of a degree) are no name.
  if (!kept.some((w) => /^\p{L}{3,}/u.test(w))) return null;
  // A lone all-capital word is an acronym (BKPSDM), not a person.
  if (kept.length === 1 && /^\p{Lu}{2,}$/u.test(kept[0] as string)) return null;
  const name = kept.join(' ');
  // "Sekda Kabupaten Situbondo" has no name: the place is the role's, not a person's.
  return PLACE_SET.has(name) ? null : name;
}

const QUALIFIER = new RegExp(
  `(?:\\s+|^)(?:(?<kind>Kabupaten|Kab\\.|Kota|Pemkab|Pemkot|Pemerintah\\s+Kabupaten|Pemerintah\\s+Kota)\\s+)?(?<place>${PLACES})(?![\\p{L}])`,
  'u',
);

/** Splits "Sekretaris Daerah (Sekda) Kabupaten Probolinggo" into a written-out role and its regency. */
export function splitRole(raw: string): { role: string; regency: string | null } {
  let role = raw.replace(BRACKET_ANYWHERE, ' ').replace(/\s+/g, ' ').trim();
  let regency: string | null = null;
  const q = QUALIFIER.exec(role);
  if (q?.groups?.place) {
    const kindWord = q.groups.kind ?? '';
    const candidates = regenciesByPlace(q.groups.place);
    // A bare place after a head's title takes the title's kind: "Bupati Probolinggo" is a kabupaten.
    const byTitle = /Wali\s*kota|Walikota|Wawali|Wawako/i.test(role)
      ? 'Kota'
      : /Bupati|Wabup/.test(role)
        ? 'Kabupaten'
        : null;
    const wanted = /kab/i.test(kindWord) ? 'Kabupaten' : /kot/i.test(kindWord) ? 'Kota' : byTitle;
    const found = wanted
      ? candidates.find((c) => c.kind === wanted)
      : candidates.length === 1
        ? candidates[0]
        : undefined;
    if (found) {
      regency = found.name;
      role = (role.slice(0, q.index) + role.slice(q.index + q[0].length)).replace(/\s+/g, ' ').trim();
    }
  }
  role = role.replace(/\s+(dan|serta)$/u, '');
  return { role: expandRole(role), regency };
}
const BRACKET_ANYWHERE = /\s*\([^()]*\)/gu;

function nickname(raw: string | undefined): string | null {
  if (!raw) return null;
  const n = raw.trim();
  return NOT_NICKNAMES.has(n.toLowerCase()) || !/^\p{Lu}/u.test(n) || /\d/.test(n) ? null : n;
}

function official(m: RegExpExecArray, roleRaw: string, nameRaw?: string): RuleOutput<'official'> | null {
  const rawName = nameRaw ?? m.groups?.name ?? '';
  const name = cleanName(rawName);
  if (name === null) return null;
  const { role, regency } = splitRole(roleRaw);
  if (role === '') return null;
  const nameAt = m.index + m[0].lastIndexOf(rawName);
  const nameStart = nameAt + rawName.indexOf(name.split(' ')[0] as string);
  return {
    name,
    role,
    nickname: nickname(m.groups?.nick),
    regency,
    start: nameStart,
    end: nameStart + name.length,
  };
}

/** A title whose next words name its office, not its holder: "Camat Kepanjen", "Kepala Puskesmas Jebus". */
const PLACE_TAKING = new RegExp(
  `(?<![\\p{L}])(?:${anyOf([...PLACE_TITLES, ...NAMED_HEADS.map((h) => h.head)])})$`,
  'u',
);
const NAME_PREFIX_WORD = new RegExp(`^${PREFIX}$`, 'u');

/**
 * Splits the words after a place-taking title into the office's place and the person: at an honorific
 * ("Senduro drg. Fitri"), else after a known kecamatan ("Kepanjen Ahmad Fauzi"). Null where the words
 * may all be the office's name ("Kepala Puskesmas Sokaraja I, mengaku").
 */
function splitOfficeAndName(raw: string): { office: string; name: string } | null {
  const words = raw.trim().split(/\s+/);
  const prefixAt = words.findIndex((w, i) => i > 0 && NAME_PREFIX_WORD.test(w));
  if (prefixAt > 0)
    return { office: words.slice(0, prefixAt).join(' '), name: words.slice(prefixAt).join(' ') };
  for (const size of [2, 1]) {
    if (words.length - size < 2) continue;
    const place = words.slice(0, size).join(' ');
    if (regenciesOfDistrict(place).length > 0) return { office: place, name: words.slice(size).join(' ') };
  }
  return null;
}

export const roleThenName: Rule<'official'> = {
  name: 'role-then-name',
  kind: 'official',
  pattern: new RegExp(`(?<![\\p{L}])${ROLE}(?:${OFFICE_NAME}?\\s*,\\s*|\\s+)${NAME}${NICKNAME}`, 'gu'),
  examples: [
    ['Inspektur Imron Rosyadi, Kabag', { name: 'Imron Rosyadi', role: 'Inspektur' }],
    ['Kabag Organisasi Susilo Isnadi serta', { name: 'Susilo Isnadi', role: 'Kepala Bagian Organisasi' }],
    [
      'Penjabat (Pj) Sekretaris Daerah (Sekda) Kabupaten Probolinggo Heri Sulistyanto menerima',
      { name: 'Heri Sulistyanto', role: 'Penjabat Sekretaris Daerah', regency: 'Kabupaten Probolinggo' },
    ],
    [
      'Bupati Probolinggo, dr. Mohammad Haris (Gus Haris) mengatakan',
      { name: 'Mohammad Haris', role: 'Bupati', nickname: 'Gus Haris', regency: 'Kabupaten Probolinggo' },
    ],
    [
      'Kepala Dinas Kesehatan (Dinkes) dr. Hariawan Dwi Tamtomo,',
      { name: 'Hariawan Dwi Tamtomo', role: 'Kepala Dinas Kesehatan' },
    ],
    [
      'Asisten III Setdakab Kurrotu Aini pada rapat itu',
      { name: 'Kurrotu Aini', role: 'Asisten III Sekretariat Daerah Kabupaten' },
    ],
    ['Kapolres Lumajang AKBP Ahmad Zainul Arifin, S.I.K.', { name: 'Ahmad Zainul Arifin' }],
    ['Kabag Organisasi Puguh Wardoyo (kiri) mendampingi', { name: 'Puguh Wardoyo', nickname: null }],
    [
      'Kepala Puskesmas Senduro, drg. Fitri Handayani, memaparkan',
      { name: 'Fitri Handayani', role: 'Kepala Puskesmas Senduro' },
    ],
    [
      'Direktur RSUD dr. Soehadi Prijonegoro, dr. Hendro Saputro, M.Kes',
      { name: 'Hendro Saputro', role: 'Direktur RSUD dr. Soehadi Prijonegoro' },
    ],
    [
      'Kepala Lapas Kelas IIA Gorontalo Rahmat Hasan Mooduto mengatakan',
      { name: 'Rahmat Hasan Mooduto', role: 'Kepala Lapas Kelas IIA Gorontalo' },
    ],
    ['Evaluator KemenPANRB, Dimas Arya Nugroho, bertanya', { name: 'Dimas Arya Nugroho' }],
    ['Camat Kepanjen Ahmad Fauzi Rahman menyambut', { name: 'Ahmad Fauzi Rahman', role: 'Camat Kepanjen' }],
    [
      'Kepala Puskesmas Senduro drg. Fitri Handayani',
      { name: 'Fitri Handayani', role: 'Kepala Puskesmas Senduro' },
    ],
    ['Widya Astuti, Kepala Puskesmas Sokaraja I, mengaku', null],
    ['Direktur RSUD Sanjiwani dan Kepala BKPSDM', null],
    ['Inspektur Imron Rosyadi, Kabag Organisasi hadir', { name: 'Imron Rosyadi', role: 'Inspektur' }],
    [
      'Sekda Tutug Edi Utomo, Inspektur Imron Rosyadi, Kabag hadir',
      { name: 'Imron Rosyadi', role: 'Inspektur' },
    ],
    ['Kepala Dinkes dr. Hariawan Dwi, Plt Kabag Organisasi', { name: 'Hariawan Dwi', role: 'Kepala Dinkes' }],
    ['Sekda Kabupaten Situbondo.', null],
    ['Bupati Sragen Canangkan Zona Integritas di Tiga Unit Kerja', null],
    ['diterima Sekda Kabupaten Badung, I Ketut Darma Wiryawan, S.H.', { name: 'I Ketut Darma Wiryawan' }],
    ['Evaluator Zona Integritas dari Kementerian', null],
  ],
  extract(m, text, _ctx, sentence) {
    if (isHeadline(text.slice(sentence.start, sentence.end))) return null;
    const office = m.groups?.office;
    const role = m.groups?.role ?? '';
    if (office === undefined && PLACE_TAKING.test(role)) {
      const split = splitOfficeAndName(m.groups?.name ?? '');
      return split && official(m, `${role} ${split.office}`, split.name);
    }
    if (office === undefined) return official(m, role);
    // "Inspektur Imron Rosyadi, Kabag …": where no person follows the comma, the words before it were the name.
    return (
      official(m, `${m.groups?.role ?? ''}${office}`) ?? official(m, m.groups?.role ?? '', office.trim())
    );
  },
};

/** After a place-taking title, the office's own name up to the closing comma: "Kepala Puskesmas Sokaraja I,". */
const OFFICE_AFTER = `(?<office>(?:\\s+(?:${CLASS}|\\p{Lu}[\\p{L}'’\\-]*|\\d{1,2}|[IVX]{1,4})(?![\\p{L}])){1,3})`;
const ROLE_AFTER = `(?<role>(?:${ACTING}\\s*)?${TITLE}${BRACKET}?(?:\\s+(?:${COMPLEMENT_WORD}|${CLASS})${BRACKET}?)*)${OFFICE_AFTER}?`;

export const nameThenRole: Rule<'official'> = {
  name: 'name-then-role',
  kind: 'official',
  pattern: new RegExp(
    `(?:^|(?<=[\\n.!?“"]\\s*)|(?<=(?<![\\p{L}])(?:${anyOf(NAME_INTRODUCERS)})\\s+))(?<name>(?:${PREFIX}\\s*)*${NAME_WORD}(?:\\s+${NAME_WORD}){1,4})${NICKNAME}${DEGREES_AFTER}(?:\\s*,\\s*|\\s+(?:selaku|sebagai)\\s+)${ROLE_AFTER}(?=\\s*[,.]|\\s+\\p{Ll})`,
    'gu',
  ),
  examples: [
    [
      'Imron Rosyadi, Inspektur Kabupaten Probolinggo, mengatakan',
      { name: 'Imron Rosyadi', role: 'Inspektur' },
    ],
    ['ujar Budi Santoso, Kepala Dinas Kesehatan.', { name: 'Budi Santoso', role: 'Kepala Dinas Kesehatan' }],
    [
      'Endah Puspitasari, S.Sos., M.Si., Kepala Bagian Organisasi Setda Kota Madiun, menyebut',
      { name: 'Endah Puspitasari', role: 'Kepala Bagian Organisasi Sekretariat Daerah' },
    ],
    ['Hal itu disampaikan Rudi Hartanto, Kepala Diskominfo, kemarin', { name: 'Rudi Hartanto' }],
    [
      'drg. Widya Astuti, Kepala Puskesmas Sokaraja I, mengaku',
      { name: 'Widya Astuti', role: 'Kepala Puskesmas Sokaraja I' },
    ],
    [
      'Dewi Kartika selaku Kepala Dinas Kesehatan Kabupaten Tuban menyampaikan',
      { name: 'Dewi Kartika', role: 'Kepala Dinas Kesehatan' },
    ],
    ['Dinas Kesehatan, Kepala Puskesmas', null],
    ['Budi Santoso, Kepala Dinas Kesehatan Ani Lestari, hadir', null],
  ],
  extract(m, text, _ctx, sentence) {
    if (isHeadline(text.slice(sentence.start, sentence.end))) return null;
    const role = m.groups?.role ?? '';
    const office = m.groups?.office;
    if (office === undefined) return official(m, role);
    // Only a place-taking title names its office with words of its own.
    return PLACE_TAKING.test(role) ? official(m, `${role}${office}`) : null;
  },
};

export const OFFICIAL_RULES = [roleThenName, nameThenRole] as const;
