/**
 * Work units as news names them:
 * - a head and a place: "Puskesmas Leces", "UPTD Puskesmas Jenu", "RSUD dr. Soedomo", "Polres Malang Kota",
 *   "Lapas Kelas IIA Kotabumi", "Kantor Imigrasi Kelas II TPI Mimika", "Kantor Pertanahan Kabupaten Sumedang";
 * - the second of a pair sharing one head: "Puskesmas Asembagus dan Panarukan";
 * - a head and a function: "Dinas Kependudukan dan Pencatatan Sipil", "Bagian Organisasi", "Dinas PMPTSP";
 * - an office abbreviation on its own: "DPMPTSP", "Dispendukcapil", "BKPSDM Kabupaten Probolinggo".
 * A bracket right after gives an alias: "Dinas Kesehatan (Dinkes)". A regency right after is kept apart.
 */
import { CALENDAR_WORDS, MONTH_PATTERN } from '../dates/calendar.js';
import { REGENCY_PLACES, regenciesByPlace, regencyByName } from '../lexicon/regencies.js';
import { ROLE_TITLE_WORDS } from '../officials/role-lexicon.js';
import { anyOf } from '../patterns.js';
import type { Rule } from '../types.js';
import {
  ALL_HEAD_WORDS,
  DESCRIPTIVE_HEADS,
  FUNCTION_WORDS,
  NAMED_HEADS,
  OFFICE_FORMS,
  officeFullName,
} from './unit-lexicon.js';

const CAP = "\\p{Lu}[\\p{L}'’\\-]*";
/** The number of one of several units of a place: "Puskesmas Kertek 1", "Puskesmas Patebon 01"; not a date. */
const UNIT_NUMBER = `(?:\\s+\\d{1,2}(?![\\d.,:/\\p{L}])(?!\\s+(?:${MONTH_PATTERN}|${anyOf(CALENDAR_WORDS)})(?![\\p{L}])))`;
const CLASS = '(?:Kelas\\s+(?:I{1,3}|IV)[AB]?(?:\\s+(?:TPI|Non[\\s-]?TPI))?)';
const PLACE = anyOf(REGENCY_PLACES);
const REGENCY_AFTER = `(?:\\s+(?<rkind>Kabupaten|Kab\\.|Kota)\\s+(?<rplace>${PLACE})(?![\\p{L}]))`;
const ALIAS_AFTER = '(?:\\s*\\((?<alias>[^()\\n]{2,60})\\))';

/** Words that end a place name after a head: regency words, other heads, titles, dates. */
const NAME_STOP = new Set([
  'Kabupaten',
  'Kab',
  'Kota',
  'Pemkab',
  'Pemkot',
  'Pemda',
  'Provinsi',
  'Setda',
  'Tahun',
  'Zona',
  'Integritas',
  'WBK',
  'WBBM',
  'ZI',
  ...ALL_HEAD_WORDS,
  ...ROLE_TITLE_WORDS,
  ...CALENDAR_WORDS,
]);

/** What may follow a named unit: a bracketed alias, then the regency it belongs to. */
const AFTER_NAMED_UNIT = new RegExp(`^${ALIAS_AFTER}?${REGENCY_AFTER}?`, 'u');

const headFull = new Map(NAMED_HEADS.map((h) => [h.head.replace(/\s+/g, ' '), h.full ?? h.head]));
const NAMED = anyOf(NAMED_HEADS.map((h) => h.head));

function regencyAfter(groups: Record<string, string | undefined> | undefined): string | null {
  if (!groups?.rkind || !groups.rplace) return null;
  const kind = groups.rkind === 'Kota' ? 'Kota' : 'Kabupaten';
  return regenciesByPlace(groups.rplace).find((r) => r.kind === kind)?.name ?? null;
}

/** Keeps the words of a place name up to the first stop word; a police "X Kota" keeps its "Kota". */
function placeWords(raw: string, head: string): string[] {
  const words = raw.split(/\s+/);
  const kept: string[] = [];
  for (const [i, w] of words.entries()) {
    const bare = w.replace(/\.$/, '');
    if (i > 0 && w === 'Kota' && /^Pol/.test(head)) {
      kept.push(w);
      break;
    }
    if (NAME_STOP.has(bare) && !(i === 0 && /^(dr|Dr|drg)$/.test(bare))) break;
    kept.push(w);
  }
  return kept;
}

function cleanAlias(alias: string | undefined): string | null {
  if (!alias) return null;
  const a = alias.trim();
  // An alias is an abbreviation or a name, not a remark such as "(kiri)" or a date "(17/2)".
  return /\p{Lu}/u.test(a) && !/\d/.test(a) && a.split(/\s+/).length <= 8 ? a : null;
}

export const namedUnit: Rule<'unit'> = {
  name: 'named-unit',
  kind: 'unit',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<head>${NAMED})(?:\\s*\\((?<headAlias>\\p{Lu}[\\p{L}]{1,9})\\))?(?:\\s+(?<cls>${CLASS}))?\\s+(?<name>(?:(?:Kabupaten|Kota)\\s+(?:${PLACE})|(?:(?:dr|Dr|drg)\\.?\\s+)?${CAP}(?:\\s+${CAP}){0,3}${UNIT_NUMBER}?))(?:\\s+(?<cls2>${CLASS}))?(?![\\p{L}])`,
    'gu',
  ),
  examples: [
    ['kunjungan ke Puskesmas Leces.', { name: 'Puskesmas Leces', canonical: 'Puskesmas Leces' }],
    ['UPTD Puskesmas Jenu Kabupaten Tuban', { name: 'UPTD Puskesmas Jenu', regency: 'Kabupaten Tuban' }],
    ['Puskesmas Kertek 1 dan', { name: 'Puskesmas Kertek 1' }],
    ['Puskesmas Leces 17 Agustus lalu', { name: 'Puskesmas Leces' }],
    ['RSUD dr. Soedomo', { name: 'RSUD dr. Soedomo' }],
    [
      'Rumah Sakit Umum Daerah (RSUD) Bagas Waras,',
      { name: 'Rumah Sakit Umum Daerah Bagas Waras', alias: 'RSUD Bagas Waras' },
    ],
    ['Lapas Kelas IIA Kotabumi', { name: 'Lapas Kelas IIA Kotabumi', canonical: 'Lapas Kelas IIA Kotabumi' }],
    ['Kantor Imigrasi Pangkalan Bun Kelas II', { name: 'Kantor Imigrasi Pangkalan Bun Kelas II' }],
    ['Polres Malang Kota', { name: 'Polres Malang Kota' }],
    ['Kejari Gowa', { canonical: 'Kejaksaan Negeri Gowa' }],
    ['Kantor Pertanahan Kabupaten Sumedang', { name: 'Kantor Pertanahan Kabupaten Sumedang' }],
    ['para kepala puskesmas se-kabupaten', null],
    ['Puskesmas Bupati', null],
  ],
  extract(m, text) {
    const head = (m.groups?.head ?? '').replace(/\s+/g, ' ');
    const cls = m.groups?.cls ?? m.groups?.cls2;
    const rawName = m.groups?.name ?? '';
    const isRegencyName = /^(Kabupaten|Kota)\s/.test(rawName);
    const words = isRegencyName ? [rawName.replace(/\s+/g, ' ')] : placeWords(rawName, head);
    if (words.length === 0) return null;
    const place = words.join(' ');
    const nameStart = m.index + m[0].indexOf(rawName, head.length);
    const nameEnd =
      nameStart + rawName.indexOf(words[words.length - 1] as string) + (words.at(-1) as string).length;
    let end = nameEnd;
    if (m.groups?.cls2 && rawName.split(/\s+/).length === words.length) end = m.index + m[0].length;
    const classPart = cls ? ` ${cls.replace(/\s+/g, ' ')}` : '';
    // "Rumah Sakit Umum Daerah (RSUD) Bagas Waras": the bracket abbreviates the head, not the whole name.
    const headAlias = m.groups?.headAlias;
    const leadingClass = m.groups?.cls ? ` ${m.groups.cls}` : '';
    const written = `${head}${leadingClass} ${text.slice(nameStart, end)}`.replace(/\s+/g, ' ');
    const full = headFull.get(head) ?? head;
    const canonical = m.groups?.cls2 ? `${full} ${place}${classPart}` : `${full}${classPart} ${place}`;
    const after = AFTER_NAMED_UNIT.exec(text.slice(end, end + 160));
    return {
      name: written,
      canonical,
      alias: headAlias ? `${headAlias}${classPart} ${place}` : cleanAlias(after?.groups?.alias),
      regency: isRegencyName ? (regencyByName(rawName)?.name ?? null) : regencyAfter(after?.groups),
      end,
    };
  },
};

const LIST_ITEM = `${CAP}(?:\\s+${CAP}){0,2}`;
const LIST_SEPARATOR = '(?:\\s*,\\s*(?:(?:dan|serta)\\s+)?|\\s+(?:dan|serta)\\s+)';
const LIST_TAIL_ITEM = new RegExp(`${LIST_SEPARATOR}(?<item>${LIST_ITEM})`, 'gu');

/** The items after the first of "Puskesmas Jenu, Tuban dan Wire": each shares the head of the first. */
export const conjoinedNamedUnit: Rule<'unit'> = {
  name: 'conjoined-named-unit',
  kind: 'unit',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<head>${NAMED})\\s+(?<first>${LIST_ITEM})(?<list>(?:${LIST_SEPARATOR}${LIST_ITEM})+)(?![\\p{L}])`,
    'gu',
  ),
  examples: [
    ['Puskesmas Asembagus dan Panarukan', { name: 'Puskesmas Panarukan', canonical: 'Puskesmas Panarukan' }],
    ['Puskesmas Jenu, Tuban dan Wire', { name: 'Puskesmas Wire' }],
    ['Puskesmas Jenu, Tuban dan Wire', { name: 'Puskesmas Tuban' }],
    ['Puskesmas Sumberasih dan Puskesmas Leces', null],
    ['Puskesmas Leces dan Dinas Kesehatan', null],
    ['Puskesmas Leces Kabupaten Probolinggo dan Pasuruan', null],
  ],
  extract(m) {
    const head = (m.groups?.head ?? '').replace(/\s+/g, ' ');
    const first = m.groups?.first ?? '';
    // A first item cut short by a stop word ("Leces Kabupaten Probolinggo") is not the start of a list.
    if (placeWords(first, head).length !== first.split(/\s+/).length) return null;
    const full = headFull.get(head) ?? head;
    const listStart = m.index + m[0].length - (m.groups?.list ?? '').length;
    const items = [];
    for (const item of (m.groups?.list ?? '').matchAll(LIST_TAIL_ITEM)) {
      const raw = item.groups?.item ?? '';
      const words = placeWords(raw, '');
      if (words.length === 0) break;
      const start = listStart + (item.index ?? 0) + item[0].length - raw.length;
      const place = words.join(' ');
      items.push({
        name: `${full} ${place}`,
        canonical: `${full} ${place}`,
        alias: null,
        regency: null,
        start,
        end: start + raw.indexOf(words.at(-1) as string) + (words.at(-1) as string).length,
      });
      // A cut item ("Wire Kabupaten Tuban") ends the list.
      if (words.length !== raw.split(/\s+/).length) break;
    }
    return items.length > 0 ? items : null;
  },
};

const FUNCTION = anyOf([...FUNCTION_WORDS]);

export const descriptiveUnit: Rule<'unit'> = {
  name: 'descriptive-unit',
  kind: 'unit',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<head>${anyOf(DESCRIPTIVE_HEADS)})(?<tail>(?:\\s+(?:(?:dan|&)\\s+)?(?:${FUNCTION})(?![\\p{L}]))*)${ALIAS_AFTER}?${REGENCY_AFTER}?`,
    'gu',
  ),
  examples: [
    ['Dinas Kependudukan dan Pencatatan Sipil yang', { name: 'Dinas Kependudukan dan Pencatatan Sipil' }],
    [
      'Dinas Kesehatan (Dinkes) dr. Hariawan',
      { name: 'Dinas Kesehatan', alias: 'Dinkes', canonical: 'Dinas Kesehatan' },
    ],
    ['Dinas PMPTSP', { canonical: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' }],
    ['Bagian Organisasi Setda Kabupaten Situbondo', { name: 'Bagian Organisasi' }],
    ['Bagian Organisasi Kabupaten Situbondo', { name: 'Bagian Organisasi', regency: 'Kabupaten Situbondo' }],
    [
      'Inspektorat Daerah Kabupaten Probolinggo',
      { name: 'Inspektorat Daerah', regency: 'Kabupaten Probolinggo' },
    ],
    ['Dinas Kesehatan dan Puskesmas Leces', { name: 'Dinas Kesehatan' }],
    ['dinas terkait', null],
    ['Badan yang', null],
  ],
  extract(m) {
    const head = m.groups?.head ?? '';
    const tail = (m.groups?.tail ?? '').replace(/\s+/g, ' ').trim();
    if (tail === '' && head !== 'Inspektorat') return null;
    const name = tail ? `${head} ${tail}` : head;
    const nameEnd = m.index + head.length + (m.groups?.tail ?? '').trimEnd().length;
    return {
      name,
      canonical: officeFullName(name),
      alias: cleanAlias(m.groups?.alias),
      regency: regencyAfter(m.groups),
      end: nameEnd,
    };
  },
};

export const officeAbbreviation: Rule<'unit'> = {
  name: 'office-abbreviation',
  kind: 'unit',
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])(?<form>${anyOf(OFFICE_FORMS)})(?![\\p{L}\\p{N}])${ALIAS_AFTER}?${REGENCY_AFTER}?`,
    'gu',
  ),
  examples: [
    [
      'DPMPTSP, Dispendukcapil, dan',
      { name: 'DPMPTSP', canonical: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' },
    ],
    ['BKPSDM Kabupaten Probolinggo', { name: 'BKPSDM', regency: 'Kabupaten Probolinggo' }],
    ['Dispendukcapil', { canonical: 'Dinas Kependudukan dan Pencatatan Sipil' }],
    ['dpmptsp', null],
  ],
  extract(m) {
    const form = (m.groups?.form ?? '').replace(/\s+/g, ' ');
    return {
      name: form,
      canonical: officeFullName(form),
      alias: cleanAlias(m.groups?.alias),
      regency: regencyAfter(m.groups),
      end: m.index + (m.groups?.form ?? '').length,
    };
  },
};

export const UNIT_RULES = [namedUnit, conjoinedNamedUnit, descriptiveUnit, officeAbbreviation] as const;
