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
import { REGENCY_PLACES, regenciesByPlace } from '../lexicon/regencies.js';
import { anyOf } from '../patterns.js';
import type { Rule, RuleOutput } from '../types.js';
import { FUNCTION_WORDS, NAMED_HEADS, OFFICE_FORMS } from '../units/unit-lexicon.js';
import {
  ACTING_TITLES,
  expandRole,
  NAME_PREFIXES,
  NOT_NICKNAMES,
  ROLE_TITLE_WORDS,
  ROLE_VOCABULARY,
  TITLES,
} from './role-lexicon.js';

const CAP = "\\p{Lu}[\\p{Ll}'’\\-]*(?:[\\p{Lu}][\\p{Ll}]+)?";
const INITIAL = '\\p{Lu}\\p{Ll}{0,2}\\.(?=\\s*\\p{Lu})';
const NAME_WORD = `(?:${INITIAL}|${CAP})`;
const PREFIX = `(?:${anyOf(NAME_PREFIXES)})(?![\\p{L}])\\.?`;
const NAME = `(?<name>(?:${PREFIX}\\s*)*${NAME_WORD}(?:\\s+${NAME_WORD}){0,4})`;
const NICKNAME = '(?:\\s*\\((?<nick>[^()\\n]{2,30})\\))?';
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
const ROLE = `(?<role>(?:${ACTING}\\s*)?${TITLE}${BRACKET}?(?:\\s+${COMPLEMENT_WORD}${BRACKET}?)*)`;

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
  if (kept.length === 0) return null;
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

function official(m: RegExpExecArray, roleRaw: string): RuleOutput<'official'> | null {
  const rawName = m.groups?.name ?? '';
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

export const roleThenName: Rule<'official'> = {
  name: 'role-then-name',
  kind: 'official',
  pattern: new RegExp(`(?<![\\p{L}])${ROLE}(?:\\s*,\\s*|\\s+)${NAME}${NICKNAME}`, 'gu'),
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
      'Asisten III Setdakab Kurrotu Aini pada',
      { name: 'Kurrotu Aini', role: 'Asisten III Sekretariat Daerah Kabupaten' },
    ],
    ['Kapolres Lumajang AKBP Ahmad Zainul Arifin, S.I.K.', { name: 'Ahmad Zainul Arifin' }],
    ['Kabag Organisasi Puguh Wardoyo (kiri) mendampingi', { name: 'Puguh Wardoyo', nickname: null }],
    ['Sekda Kabupaten Situbondo.', null],
    ['Evaluator Zona Integritas dari Kementerian', null],
  ],
  extract(m) {
    return official(m, m.groups?.role ?? '');
  },
};

const ROLE_AFTER = `(?<role>(?:${ACTING}\\s*)?${TITLE}${BRACKET}?(?:\\s+${COMPLEMENT_WORD}${BRACKET}?)*)`;

export const nameThenRole: Rule<'official'> = {
  name: 'name-then-role',
  kind: 'official',
  pattern: new RegExp(
    `(?:^|(?<=[\\n.!?“"]\\s*)|(?<=(?:kata|ujar|ungkap|jelas|tutur|terang|sebut|tegas|imbuh|papar|tambah)\\s+))(?<name>(?:${PREFIX}\\s*)*${NAME_WORD}(?:\\s+${NAME_WORD}){1,4})${NICKNAME}\\s*,\\s*${ROLE_AFTER}(?=\\s*[,.]|\\s+\\p{Ll})`,
    'gu',
  ),
  examples: [
    [
      'Imron Rosyadi, Inspektur Kabupaten Probolinggo, mengatakan',
      { name: 'Imron Rosyadi', role: 'Inspektur' },
    ],
    ['ujar Budi Santoso, Kepala Dinas Kesehatan.', { name: 'Budi Santoso', role: 'Kepala Dinas Kesehatan' }],
    ['Dinas Kesehatan, Kepala Puskesmas', null],
  ],
  extract(m) {
    return official(m, m.groups?.role ?? '');
  },
};

export const OFFICIAL_RULES = [roleThenName, nameThenRole] as const;
