import type { Comparison } from '../../api/routes/compare.js';
import type { EventPassages } from '../../api/routes/passages.js';
import type { RegencySummary, TimelineEventSummary, UnitStatus } from '../../models/index.js';

export interface TimelineFilters {
  kind?: string;
  unit?: string;
  predicate?: string;
  year?: string;
}

/** The API said no: its own message, which names the parameter or the id it could not find. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(
  path: string,
  params: Record<string, string | string[] | undefined> = {},
): Promise<T> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, v);
  const url = query.size > 0 ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) throw new ApiError(response.status, body?.message ?? `${url}: HTTP ${response.status}`);
  return body as T;
}

/** Every page of a list route, for lists a page needs whole (the regencies, a board). */
async function all<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await getJson<{ items: T[]; total: number }>(path, {
      ...params,
      limit: '1000',
      offset: String(items.length),
    });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

const regencyPath = (regency: string) => `/api/regencies/${encodeURIComponent(regency)}`;

export const api = {
  regencies: () => all<RegencySummary>('/api/regencies'),
  timeline: (regency: string, filters: TimelineFilters) =>
    all<TimelineEventSummary>(`${regencyPath(regency)}/timeline`, {
      kind: filters.kind,
      unit: filters.unit,
      predicate: filters.predicate,
      from: filters.year,
      to: filters.year,
    }),
  units: (regency: string) => all<UnitStatus>(`${regencyPath(regency)}/units`),
  passages: (eventId: string) =>
    getJson<EventPassages>(`/api/events/${encodeURIComponent(eventId)}/passages`),
  compare: (regencies: string[]) => getJson<Comparison>('/api/compare', { regency: regencies }),
};
