import { monthNumber } from '../../extractors/dates/calendar.js';
import type { PartialDate } from '../../models/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d?: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO timestamp or date from metadata ("2024-11-13T10:15:00+07:00") at day precision. */
export function publishedFromIso(value: string | null | undefined): PartialDate | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** A byline written out: "Rabu, 13 November 2024 | 10:15 WIB", "13/11/2024 10:15". */
export function publishedFromByline(text: string): PartialDate | null {
  const written = /(?<![\d])(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?!\d)/u.exec(text);
  if (written) {
    const month = monthNumber(written[2]);
    const [d, y] = [Number(written[1]), Number(written[3])];
    if (month && valid(y, month, d)) return `${y}-${pad(month)}-${pad(d)}`;
  }
  const numeric = /(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/.exec(text);
  if (numeric) {
    const [d, mo, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (valid(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** News URLs carry their date: `/2024/11/13/slug`, `/2024/11/slug`, `/read/2023/07/04/…`. */
export function publishedFromUrl(url: string | null | undefined): PartialDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})(?:\/(\d{1,2}))?(?=\/|$)/.exec(path);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (!valid(y, mo, d)) return null;
  return d === undefined ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
}
