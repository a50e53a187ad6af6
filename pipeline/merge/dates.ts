import { datePartsAgree, type PartialDate, partialDate } from '../../models/index.js';

interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** "2025-08-28", "2025-08", "2025", "XXXX-08-28" into parts; a part not given is null. */
export function dateParts(date: PartialDate | null): DateParts {
  if (date === null) return { year: null, month: null, day: null };
  const [y, m, d] = date.split('-');
  return { year: partOf(y), month: partOf(m), day: partOf(d) };
}

// Out here rather than a closure made per call: the merge's hottest comparisons call it, and tsx names
// every closure it creates.
function partOf(s: string | undefined): number | null {
  return s === undefined || s === 'XXXX' ? null : Number(s);
}

/** How much a date says: a known year, month and day weigh 1, 2 and 4. */
export function precision(date: PartialDate | null): number {
  const p = dateParts(date);
  return (p.year !== null ? 1 : 0) + (p.month !== null ? 2 : 0) + (p.day !== null ? 4 : 0);
}

/** Two dates agree where every part both give is equal: 2025-08 and XXXX-08-28 do, 2025-08-27 and 2025-08-28 do not. */
export function compatible(a: PartialDate | null, b: PartialDate | null): boolean {
  return datePartsAgree(dateParts(a), dateParts(b));
}

/** Compatible dates combined into the most precise one they say together: 2025-08 and XXXX-08-28 → 2025-08-28. */
export function combine(dates: readonly (PartialDate | null)[]): PartialDate | null {
  const parts = dates.map(dateParts);
  const pick = (k: keyof DateParts) => parts.find((p) => p[k] !== null)?.[k] ?? null;
  return partialDate(pick('year'), pick('month'), pick('day'));
}
