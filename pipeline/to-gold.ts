import type { Document, DocumentFacts, GoldDocument } from '../models/index.js';

/** A document's facts in the zi-gold/1 format, as `zi extract --emit-gold` writes them. */
export function toGold(
  name: string,
  doc: Pick<Document, 'url' | 'published'>,
  facts: DocumentFacts,
): GoldDocument {
  return {
    format: 'zi-gold/1',
    doc: name,
    url: doc.url,
    published: doc.published,
    regencies: facts.regencies,
    units: facts.units.map((u) => ({
      name: u.name,
      ...(u.aliases.length > 0 ? { aliases: u.aliases } : {}),
      regency: u.regency,
    })),
    officials: facts.officials.map((o) => ({ name: o.name, role: o.role, regency: o.regency })),
    events: facts.events.map((e) => ({
      type: e.type,
      date: e.date,
      regency: e.regency,
      ...(e.host ? { host: e.host } : {}),
      units: e.units,
      predicate: e.predicate,
    })),
    awards: facts.awards.map((a) => ({
      unit: a.unit,
      regency: a.regency,
      predicate: a.predicate,
      year: a.year,
    })),
    scores: facts.scores.map((s) => ({
      metric: s.metric,
      value: s.value,
      year: s.year,
      regency: s.regency,
      label: s.label,
    })),
  };
}
