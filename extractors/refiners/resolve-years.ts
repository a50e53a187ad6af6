import {
  type DateMention,
  type Mention,
  type PartialDate,
  partialDate,
  type ScoreMention,
} from '../../models/index.js';
import { weekdayOf } from '../dates/calendar.js';
import type { RefinerInput } from '../types.js';

interface Reference {
  year: number;
  month: number | null;
  day: number | null;
}

function parsePublished(published: PartialDate | null): Reference | null {
  if (!published || published.startsWith('XXXX')) return null;
  const [y, m, d] = published.split('-').map(Number);
  return { year: y as number, month: m ?? null, day: d ?? null };
}

/**
 * Settles the year of dates written without one ("Senin (17/2)", "tahun lalu") and of relative score
 * years. With a publication date, a day and month take its year, or the year before when that would
 * put the activity after publication (December events reported in January); a weekday must fit that year. Without
 * one, the weekday picks among the years the document itself writes; where nothing settles it the year
 * stays unknown (XXXX in zi-gold/1).
 */
export function resolveYears(mentions: Mention[], { ctx }: RefinerInput): Mention[] {
  const published = parsePublished(ctx.published);
  const dates = mentions.filter((m): m is DateMention => m.kind === 'date');
  const writtenYears = [
    ...new Set(dates.filter((d) => d.year !== null && d.implied.length === 0).map((d) => d.year as number)),
  ];
  const dayDates = dates.filter(
    (d) => d.year !== null && d.day !== null && d.implied.length === 0 && d.relation === 'on',
  );
  // "tahun ini" in a story without a byline means the year of its latest fully written date.
  const baseYear =
    published?.year ?? (dayDates.length ? Math.max(...dayDates.map((d) => d.year as number)) : null);

  return mentions.map((m) => {
    if (m.kind === 'date' && m.year === null) return resolveDate(m, published, writtenYears, baseYear);
    if (m.kind === 'score' && m.year === null && m.relativeYear !== null) return resolveScore(m, baseYear);
    return m;
  });
}

function resolveDate(
  m: DateMention,
  published: Reference | null,
  writtenYears: number[],
  baseYear: number | null,
): DateMention {
  if (m.relativeYear !== null) return baseYear === null ? m : { ...m, year: baseYear + m.relativeYear };
  if (m.month === null) return m;
  if (m.day === null) return resolveMonth(m, published, baseYear);
  if (published) {
    // The latest such day not after publication; a weekday that does not fit it leaves the year open.
    const after =
      published.month !== null &&
      (m.month > published.month ||
        (m.month === published.month && published.day !== null && m.day > published.day));
    const year = after ? published.year - 1 : published.year;
    return fitsWeekday(m, year) ? { ...m, year } : m;
  }
  const candidates = writtenYears.filter((y) => fitsWeekday(m, y));
  if (m.weekday !== null) return candidates.length === 1 ? { ...m, year: candidates[0] as number } : m;
  return writtenYears.length === 1 ? { ...m, year: writtenYears[0] as number } : m;
}

/** Whether a dated mention's weekday, if it names one, falls on its day in year `y`. */
function fitsWeekday(m: DateMention, y: number): boolean {
  return m.weekday === null || weekdayOf(y, m.month as number, m.day as number) === m.weekday;
}

/** A month alone ("pada Juli lalu") is the latest such month not after publication, or in the story's year. */
function resolveMonth(m: DateMention, published: Reference | null, baseYear: number | null): DateMention {
  if (published?.month != null && m.month !== null)
    return { ...m, year: m.month > published.month ? published.year - 1 : published.year };
  return baseYear === null ? m : { ...m, year: baseYear };
}

function resolveScore(m: ScoreMention, baseYear: number | null): ScoreMention {
  return baseYear === null || m.relativeYear === null ? m : { ...m, year: baseYear + m.relativeYear };
}

/** A date mention as zi-gold/1 writes it: `2025-08-28`, `2025-08`, `2025`, `XXXX-02-17`; null if it has no parts. */
export function formatDate(m: DateMention): PartialDate | null {
  return partialDate(m.year, m.month, m.day);
}
