import {
  type OfficialRecord,
  type RegencySummary,
  type ScoreRecord,
  summarizeEvent,
  type TimelineEvent,
  type TimelineEventSummary,
  type UnitStatus,
} from '../models/index.js';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A listing's columns: the CSV and the table show the same ones; JSON shows the whole records. */
export interface Listing<T> {
  header: readonly string[];
  row(item: T): string[];
  /** Shown by a table with no rows. */
  empty: string;
}

export function render<T>(items: readonly T[], listing: Listing<T>, format: Format): string {
  if (format === 'json') return JSON.stringify(items, null, 2);
  const rows = items.map((i) => listing.row(i));
  if (format === 'csv') return [listing.header, ...rows].map((r) => r.map(csvField).join(',')).join('\n');
  return items.length === 0 ? listing.empty : table(listing.header, rows);
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const MAX_WIDTH = 60;

function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) =>
    Math.min(MAX_WIDTH, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] as number;
        return c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const conflictsOf = (conflicts: readonly { field: string; values: readonly { value: string }[] }[]) =>
  conflicts.map((c) => `${c.field}: ${c.values.map((v) => v.value).join(' vs ')}`).join('; ');

/** The timeline's columns, for whole events (the CLI) and for their summaries (a page of the API) alike. */
export const TIMELINE: Listing<TimelineEvent | TimelineEventSummary> = {
  header: ['id', 'regency', 'date', 'kind', 'predicate', 'units', 'host', 'sources', 'conflicts'],
  row: (e) => [
    e.id,
    e.regency,
    e.date ?? '-',
    e.type,
    e.predicate ?? '-',
    e.units.join('; ') || '-',
    e.host ?? '-',
    String('sourceCount' in e ? e.sourceCount : summarizeEvent(e).sourceCount),
    conflictsOf(e.conflicts),
  ],
  empty: '(no events)',
};

export const UNITS: Listing<UnitStatus> = {
  header: ['regency', 'unit', 'stage', 'predicate', 'year', 'sources', 'conflicts'],
  row: (u) => [
    u.regency,
    u.name,
    u.latestStage ?? '-',
    u.predicate ?? '-',
    u.year === null ? '-' : String(u.year),
    String(u.documentIds.length),
    conflictsOf(u.conflicts),
  ],
  empty: '(no units)',
};

export const REGENCIES: Listing<RegencySummary> = {
  header: ['regency', 'events', 'units', 'awarded'],
  row: (r) => [r.regency, String(r.events), String(r.units), String(r.awarded)],
  empty: '(no regencies)',
};

export const OFFICIALS: Listing<OfficialRecord> = {
  header: ['regency', 'name', 'roles', 'also named', 'sources'],
  row: (o) => [
    o.regency,
    o.name,
    o.roles.join('; '),
    o.aliases.join('; ') || '-',
    String(o.documentIds.length),
  ],
  empty: '(no officials)',
};

export const SCORES: Listing<ScoreRecord> = {
  header: ['regency', 'metric', 'year', 'value', 'label', 'sources', 'conflicts'],
  row: (x) => [
    x.regency,
    x.metric,
    x.year === null ? '-' : String(x.year),
    x.value === null ? '-' : String(x.value),
    x.label ?? '-',
    String(x.documentIds.length),
    conflictsOf(x.conflicts),
  ],
  empty: '(no scores)',
};
