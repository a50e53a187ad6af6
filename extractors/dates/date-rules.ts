/**
 * Dates as Indonesian news writes them:
 * - the bracket convention after the verb phrase: "Senin (17/2)", "Jumat (11/10/2024)", "Senin (20/10/25)",
 *   "(23/02)", "Jum’at, (05/01/2024)"; without brackets after a weekday: "Senin.2/9", "Jumat, 7/03/2025";
 * - written out: "Selasa, 27 Mei 2025", "12 Desember 2024", "17 Agustus", "28 Agu 2025";
 * - a month and year: "Oktober 2024"; a year: "tahun 2024", "pada 2024 lalu", "sejak 2020", "2018-2022";
 * - a year relative to the document's: "tahun lalu", "tahun sebelumnya", "tahun ini", "tahun depan".
 * The year of a date written without one is settled later (refiners/resolve-years.ts).
 */

import type { Rule, RuleOutput } from '../types.js';
import {
  FULL_MONTH_PATTERN,
  isValidDay,
  MONTH_CONTEXT_AFTER,
  MONTH_CONTEXT_BEFORE,
  MONTH_PATTERN,
  monthNumber,
  WEEKDAY_PATTERN,
  weekdayNumber,
} from './calendar.js';

function fullYear(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/**
 * The weekday written just before a date ("Senin (17/2)", "Selasa, 27 Mei"). Looked up behind the match
 * rather than made an optional part of the pattern, so each pattern starts at a digit or a bracket
 * and the regex engine can skip ahead to candidates.
 */
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(?<weekday>${WEEKDAY_PATTERN})\\s*[,.]?\\s*$`, 'iu');

function weekdayBefore(text: string, index: number): { weekday: string; start: number } | null {
  const before = text.slice(Math.max(0, index - 14), index);
  const w = WEEKDAY_BEFORE.exec(before);
  if (!w?.groups?.weekday) return null;
  return { weekday: w.groups.weekday, start: index - before.length + w.index };
}

/** A day and month with the weekday written before them, its span widened to include the weekday. */
function dayMonthAt(
  m: RegExpExecArray,
  text: string,
  month: number | null,
  weekdayRequired = false,
): RuleOutput<'date'> | null {
  const lead = weekdayBefore(text, m.index);
  if (weekdayRequired && lead === null) return null;
  const found = dayMonth(m.groups?.day, month, fullYear(m.groups?.year), lead?.weekday);
  return found && lead ? { ...found, start: lead.start } : found;
}

function dayMonth(
  day: string | undefined,
  month: number | null,
  year: number | null,
  weekday: string | undefined,
): RuleOutput<'date'> | null {
  const d = Number(day);
  if (month === null || !Number.isInteger(d) || d < 1 || d > 31) return null;
  if (year !== null && (year < 1990 || year > 2099 || !isValidDay(year, month, d))) return null;
  if (year === null && !isValidDay(2024, month, d)) return null;
  return {
    year,
    month,
    day: d,
    weekday: weekdayNumber(weekday),
    relation: 'on',
    relativeYear: null,
    implied: year === null ? ['year'] : [],
  };
}

export const bracketDate: Rule<'date'> = {
  name: 'bracket-date',
  kind: 'date',
  pattern: /\(\s*(?<day>\d{1,2})\s*\/\s*(?<month>\d{1,2})(?:\s*\/\s*(?<year>\d{4}|\d{2}))?\s*\)/giu,
  examples: [
    ['Senin (17/2).', { day: 17, month: 2, year: null, weekday: 1 }],
    ['Jumat (11/10/2024)', { day: 11, month: 10, year: 2024, weekday: 5 }],
    ['selasa (17/5)', { day: 17, month: 5, weekday: 2 }],
    ['Senin (20/10/25)', { year: 2025 }],
    ['(23/02)', { day: 23, month: 2, weekday: null }],
    ['(45/2)', null],
    ['(3/13)', null],
  ],
  extract(m, text) {
    return dayMonthAt(m, text, Number(m.groups?.month));
  },
};

export const weekdaySlashDate: Rule<'date'> = {
  name: 'weekday-slash-date',
  kind: 'date',
  pattern: /(?<![\d/])(?<day>\d{1,2})\/(?<month>\d{1,2})(?:\/(?<year>\d{4}|\d{2}))?(?![\d/])/giu,
  examples: [
    ['Senin.2/9', { day: 2, month: 9, weekday: 1 }],
    ['Jumat, 7/03/2025', { day: 7, month: 3, year: 2025 }],
    ['nomor 2/9', null],
  ],
  extract(m, text) {
    return dayMonthAt(m, text, Number(m.groups?.month), true);
  },
};

export const writtenDate: Rule<'date'> = {
  name: 'written-date',
  kind: 'date',
  pattern: new RegExp(
    `(?<![\\d])(?<day>\\d{1,2})\\s+(?<month>${MONTH_PATTERN})\\.?(?![\\p{L}])(?:\\s+(?<year>(?:19|20)\\d{2})(?!\\d))?`,
    'giu',
  ),
  examples: [
    ['Selasa, 27 Mei 2025', { day: 27, month: 5, year: 2025, weekday: 2 }],
    ['12 Desember 2024', { day: 12, month: 12, year: 2024 }],
    ['28 Agu 2025', { month: 8 }],
    ['17 Agustus', { day: 17, month: 8, year: null }],
    ['5 Nop 2023', { month: 11 }],
    ['3 unit kerja', null],
  ],
  extract(m, text) {
    return dayMonthAt(m, text, monthNumber(m.groups?.month));
  },
};

export const monthYear: Rule<'date'> = {
  name: 'month-year',
  kind: 'date',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<month>${MONTH_PATTERN})\\.?\\s+(?:tahun\\s+)?(?<year>(?:19|20)\\d{2})(?!\\d)`,
    'giu',
  ),
  examples: [
    ['pada Oktober 2024', { month: 10, year: 2024, day: null }],
    ['bulan Juli tahun 2023', { month: 7, year: 2023 }],
    ['Mei 2025', { month: 5 }],
    ['Desember saja', null],
  ],
  extract(m) {
    const month = monthNumber(m.groups?.month);
    if (month === null) return null;
    return {
      year: Number(m.groups?.year),
      month,
      day: null,
      weekday: null,
      relation: 'on',
      relativeYear: null,
      implied: [],
    };
  },
};

const LONE_MONTH_BEFORE = new RegExp(`(?<![\\p{L}])(?<cue>${MONTH_CONTEXT_BEFORE})\\s+(?:bulan\\s+)?$`, 'iu');
const LONE_MONTH_AFTER = new RegExp(`^\\s+(?:${MONTH_CONTEXT_AFTER})(?![\\p{L}])`, 'iu');

/** A month on its own, where the words around it make it a date: "pada Juli lalu", "akhir Juni", "sejak Maret". */
export const loneMonth: Rule<'date'> = {
  name: 'lone-month',
  kind: 'date',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<month>${FULL_MONTH_PATTERN})(?![\\p{L}])(?!\\s+(?:tahun\\s+)?(?:19|20)\\d{2})`,
    'giu',
  ),
  examples: [
    ['diusulkan ke KemenPANRB pada Juli lalu', { month: 7, year: null, day: null }],
    ['sejak Maret, tim sudah', { month: 3, relation: 'since' }],
    ['pada akhir Juni mendatang', { month: 6 }],
    ['Juni lalu', { month: 6 }],
    ['17 Agustus lalu', null],
    ['Juli 2025', null],
    ['Mei Lestari mengatakan', null],
  ],
  extract(m, text) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (/\d\s*$/u.test(before)) return null;
    const cue = LONE_MONTH_BEFORE.exec(before);
    if (!cue && !LONE_MONTH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16)))
      return null;
    return {
      year: null,
      month: monthNumber(m.groups?.month),
      day: null,
      weekday: null,
      relation: cue?.groups?.cue?.toLowerCase() === 'sejak' ? 'since' : 'on',
      relativeYear: null,
      implied: ['year'],
    };
  },
};

const SINCE_BEFORE = /(?<![\p{L}])(?:sejak|mulai|semenjak)\s+(?:tahun\s+)?$/iu;

export const yearPhrase: Rule<'date'> = {
  name: 'year-phrase',
  kind: 'date',
  pattern:
    /(?<![\p{L}\d/.,])(?<year>(?:19|20)\d{2})(?:\s*(?:-|–|—|hingga|sampai|s\.d\.?)\s*(?<year2>(?:19|20)\d{2}))?(?![\d\p{L}]|[.,]\d)/giu,
  examples: [
    ['WBK tahun 2024 di', { year: 2024, relation: 'on' }],
    ['pada 2024 lalu', { year: 2024 }],
    ['sejak tahun 2020', { year: 2020, relation: 'since' }],
    ['mulai 2020 lalu', { relation: 'since' }],
    ['sejak 2018-2022', { year: 2018, relation: 'since' }],
    ['Nomor 90 Tahun 2021', null],
    ['Rp 2024.000', null],
  ],
  extract(m, text) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // A regulation's year ("PermenPANRB Nomor 90 Tahun 2021") dates a rule, not an activity.
    if (/(?:nomor|no\.?)\s*\d+\s+tahun\s*$/iu.test(before)) return null;
    const since = SINCE_BEFORE.exec(before);
    const year = Number(m.groups?.year);
    const isRange = m.groups?.year2 !== undefined;
    return {
      year,
      month: null,
      day: null,
      weekday: null,
      relation: since || isRange ? 'since' : 'on',
      ...(since ? { start: m.index - before.length + since.index } : {}),
      relativeYear: null,
      implied: [],
    };
  },
};

const RELATIVE: Readonly<Record<string, number>> = {
  lalu: -1,
  kemarin: -1,
  sebelumnya: -1,
  ini: 0,
  depan: 1,
  mendatang: 1,
  berikutnya: 1,
};

export const relativeYear: Rule<'date'> = {
  name: 'relative-year',
  kind: 'date',
  pattern:
    /(?<![\p{L}-])tahun\s+(?<rel>lalu|kemarin|sebelumnya|ini|depan|mendatang|berikutnya)(?![\p{L}])/giu,
  examples: [
    ['pada tahun lalu', { relativeYear: -1, year: null }],
    ['Untuk tahun ini', { relativeYear: 0 }],
    ['dari tahun sebelumnya', { relativeYear: -1 }],
    ['tahun-tahun sebelumnya', null],
  ],
  extract(m) {
    return {
      year: null,
      month: null,
      day: null,
      weekday: null,
      relation: 'on',
      relativeYear: RELATIVE[(m.groups?.rel ?? '').toLowerCase()] ?? 0,
      implied: ['year'],
    };
  },
};

export const DATE_RULES = [
  bracketDate,
  weekdaySlashDate,
  writtenDate,
  monthYear,
  loneMonth,
  yearPhrase,
  relativeYear,
] as const;
