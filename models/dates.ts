import { z } from 'zod';

/**
 * A date at the precision a source gives it: `2025-08-28`, `2025-08`, `2025`, or with an
 * unknown year written `XXXX-02-17` (TimeML style, as zi-gold/1 does).
 */
export const PartialDateSchema = z
  .string()
  .regex(
    /^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM, YYYY-MM-DD or XXXX-MM-DD',
  );
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** A date's known parts written as a PartialDate: the year alone, with its month, or with its day too. */
export function partialDate(
  year: number | null,
  month: number | null,
  day: number | null,
): PartialDate | null {
  const y = year === null ? 'XXXX' : String(year);
  if (month !== null && day !== null) return `${y}-${twoDigits(month)}-${twoDigits(day)}`;
  if (month !== null) return `${y}-${twoDigits(month)}`;
  return year === null ? null : y;
}

/** Two dates' parts agree where both give a part: 2025-08 and XXXX-08-28 do, 2025-08-27 and 2025-08-28 do not. */
export function datePartsAgree(
  a: { year: number | null; month: number | null; day: number | null },
  b: { year: number | null; month: number | null; day: number | null },
): boolean {
  return agrees(a.year, b.year) && agrees(a.month, b.month) && agrees(a.day, b.day);
}

// A module function, not a closure made per call: the merge compares dates pairwise, and tsx names every
// closure it creates.
function agrees(p: number | null, q: number | null): boolean {
  return p === null || q === null || p === q;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
