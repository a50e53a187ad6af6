import { createHash } from 'node:crypto';
import type { Document, DocumentFacts, EventSource, TimelineEvent } from '../models/index.js';

export interface StoredExtraction {
  document: Pick<Document, 'id' | 'source' | 'url' | 'title' | 'published' | 'text'>;
  extractorVersion: string;
  facts: DocumentFacts;
}

/** A timeline event's identity: regency, kind and date, so the same activity keeps its id across runs. */
export function eventId(regency: string, type: string, date: string | null): string {
  return createHash('sha256')
    .update(`${regency}\u0000${type}\u0000${date ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Folds the events of many documents into one timeline: the same regency, kind and date make one event
 * that lists every document reporting it. Documents are taken in id order, so the result does not depend
 * on the order they were read in.
 */
export function mergeTimeline(extractions: readonly StoredExtraction[]): TimelineEvent[] {
  const events = new Map<string, TimelineEvent>();
  const ordered = [...extractions].sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
  for (const { document, extractorVersion, facts } of ordered) {
    for (const e of facts.events) {
      const id = eventId(e.regency, e.type, e.date);
      const sources: EventSource[] = e.evidence.map((ev) => ({
        documentId: document.id,
        source: document.source,
        url: document.url,
        title: document.title,
        published: document.published,
        sentence: document.text.slice(ev.start, ev.end),
        start: ev.start,
        end: ev.end,
        extractorVersion,
      }));
      const known = events.get(id);
      if (!known) {
        events.set(id, {
          id,
          regency: e.regency,
          type: e.type,
          date: e.date,
          host: e.host,
          predicate: e.predicate,
          units: [...e.units],
          sources,
        });
        continue;
      }
      known.host ??= e.host;
      known.predicate ??= e.predicate;
      for (const u of e.units) if (!known.units.includes(u)) known.units.push(u);
      known.sources.push(...sources);
    }
  }
  return [...events.values()].sort(
    (a, b) =>
      a.regency.localeCompare(b.regency) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.type.localeCompare(b.type),
  );
}
