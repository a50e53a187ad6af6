import type { TimelineEvent } from '../models/index.js';

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function timelineCsv(events: readonly TimelineEvent[]): string {
  const header = ['id', 'regency', 'date', 'type', 'predicate', 'units', 'host', 'sources', 'urls'];
  const rows = events.map((e) =>
    [
      e.id,
      e.regency,
      e.date ?? '',
      e.type,
      e.predicate ?? '',
      e.units.join('; '),
      e.host ?? '',
      String(e.sources.length),
      [...new Set(e.sources.map((s) => s.url ?? s.source))].join(' '),
    ].map(csvField),
  );
  return [header, ...rows].map((r) => r.join(',')).join('\n');
}

export function timelineTable(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return '(no events)';
  const rows = events.map((e) => [
    e.regency,
    e.date ?? '-',
    e.type,
    e.predicate ?? '-',
    e.units.join(', ') || '-',
    String(e.sources.length),
  ]);
  const header = ['regency', 'date', 'kind', 'predicate', 'units', 'sources'];
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] as string).length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        c.length > (widths[i] as number)
          ? `${c.slice(0, (widths[i] as number) - 1)}…`
          : c.padEnd(widths[i] as number),
      )
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
