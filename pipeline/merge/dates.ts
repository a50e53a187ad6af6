import type { PartialDate } from '../../models/index.js';

interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** "2025-08-28", "2025-08", "2025", "XXXX-08-28" into parts; a part not given is null. */
export function dateParts(date: PartialDate | null): DateParts {
  if (date === null) return { year: null, month: null, day: null };
  const [y, m, d] = date.split('-');
  const num = (s: string | undefined) => (s === undefined || s === 'XXXX' ? null : Number(s));
  return { year: num(y), month: num(m), day: num(d) };
}

/** How much a date says: a known year, month and day weigh 1, 2 and 4. */
export function precision(date: PartialDate | null): number {
  const p = dateParts(date);
  return (p.year !== null ? 1 : 0) + (p.month !== null ? 2 : 0) + (p.day !== null ? 4 : 0);
}

/** Two dates agree where every part both give is equal: 2025-08 and XXXX-08-28 do, 2025-08-27 and 2025-08-28 do not. */
export function compatible(a: PartialDate | null, b: PartialDate | null): boolean {
  const x = dateParts(a);
  const y = dateParts(b);
  const same = (p: number | null, q: number | null) => p === null || q === null || p === q;
  return same(x.year, y.year) && same(x.month, y.month) && same(x.day, y.day);
}

/** Compatible dates combined into the most precise one they say together: 2025-08 and XXXX-08-28 → 2025-08-28. */
export function combine(dates: readonly (PartialDate | null)[]): PartialDate | null {
  const parts = dates.map(dateParts);
  const pick = (k: keyof DateParts) => parts.find((p) => p[k] !== null)?.[k] ?? null;
  const [year, month, day] = [pick('year'), pick('month'), pick('day')];
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = year === null ? 'XXXX' : String(year);
  if (month !== null && day !== null) return `${y}-${pad(month)}-${pad(day)}`;
  if (month !== null) return `${y}-${pad(month)}`;
  return year === null ? null : y;
}
