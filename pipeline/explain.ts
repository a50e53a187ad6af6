import type { TimelineEvent } from '../models/index.js';

export function eventLine(e: TimelineEvent): string {
  const units = e.units.length > 0 ? ` [${e.units.join(', ')}]` : '';
  return `${e.id} ${e.regency} ${e.date ?? '-'} ${e.type}${e.predicate ? ` ${e.predicate}` : ''}${units}`;
}

/**
 * `zi explain`: the event, its conflicts, and every source with the sentence that says it and, in a PDF,
 * its page.
 */
export function explainEvent(e: TimelineEvent): string {
  const lines = [
    eventLine(e),
    ...(e.host ? [`host: ${e.host}`] : []),
    ...e.conflicts.map(
      (c) =>
        `conflict on ${c.field}: ${c.values.map((v) => `${v.value} (${v.documentIds.length} source(s))`).join(' vs ')}`,
    ),
    `sources: ${new Set(e.sources.map((s) => s.documentId)).size} document(s)`,
  ];
  for (const s of e.sources) {
    lines.push(
      '',
      `  document  ${s.url ?? s.source}`,
      ...(s.title ? [`  title     ${s.title}`] : []),
      ...(s.page !== null ? [`  page      ${s.page}`] : []),
      `  published ${s.published ?? 'unknown'}`,
      `  offsets   ${s.start}–${s.end}, extractor ${s.extractorVersion}`,
      `  sentence  ${s.sentence}`,
    );
  }
  return lines.join('\n');
}
