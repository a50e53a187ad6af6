import calendar from '../lexicon/calendar.json' with { type: 'json' };
import { anyOf } from '../patterns.js';

const WEEKDAYS: Readonly<Record<string, number>> = calendar.weekdays;
const MONTHS: Readonly<Record<string, number>> = calendar.months;

/** Alternation of weekday names, any case handled by the caller's `i` flag. */
export const WEEKDAY_PATTERN = anyOf(Object.keys(WEEKDAYS));
/** Alternation of month names and abbreviations. */
export const MONTH_PATTERN = anyOf(Object.keys(MONTHS));

/** Alternation of the month names that may date an activity on their own ("pada Juli lalu"). */
export const FULL_MONTH_PATTERN = anyOf(calendar.fullMonths);
/** Words before or after a lone month name that make it a date rather than a name ("Mei"). */
export const MONTH_CONTEXT_BEFORE = anyOf(calendar.monthContext.before);
export const MONTH_CONTEXT_AFTER = anyOf(calendar.monthContext.after);

export function weekdayNumber(word: string | undefined): number | null {
  if (!word) return null;
  return WEEKDAYS[word.toLowerCase().replace(/[’`]/g, "'")] ?? WEEKDAYS[word.toLowerCase()] ?? null;
}

export function monthNumber(word: string | undefined): number | null {
  if (!word) return null;
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Weekday and month names as capitalised words, so that names of places and units stop before them. */
export const CALENDAR_WORDS: readonly string[] = [...Object.keys(WEEKDAYS), ...Object.keys(MONTHS)]
  .filter((w) => w.length > 3)
  .map((w) => w[0]?.toUpperCase() + w.slice(1));

/** Day of the week of a calendar date, 0 = Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
