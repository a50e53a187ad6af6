import { createHash } from 'node:crypto';
import { pushTo } from '../../extractors/collections.js';
import { unitKey } from '../../extractors/units/unit-lexicon.js';
import type { OfficialFact, OfficialRecord } from '../../models/index.js';
import type { StoredExtraction } from './stored.js';

interface Mention {
  documentId: string;
  fact: OfficialFact;
  words: string[];
}

/**
 * One person per regency, however the sources name them: the names are compared without honorifics
 * (the extractor drops them), and a name whose words all stand in another's is the same person
 * ("Sahlan Efendi", "Moch. Sahlan Efendi"; "Tutug" and "Tutug Edi Utomo"), where that other is the only
 * candidate. Ids come from the fullest name, so they do not depend on the order documents arrive in.
 */
export function mergeOfficials(extractions: readonly StoredExtraction[], only?: string): OfficialRecord[] {
  const byRegency = new Map<string, Mention[]>();
  for (const { document, facts } of extractions) {
    for (const fact of facts.officials) {
      const regency = fact.regency ?? facts.regencies[0] ?? null;
      if (regency === null || (only !== undefined && regency !== only)) continue;
      pushTo(byRegency, regency, { documentId: document.id, fact, words: unitKey(fact.name).split(' ') });
    }
  }
  const records: OfficialRecord[] = [];
  for (const [regency, mentions] of byRegency) {
    // Fullest names first: each shorter name joins the one fuller name that contains it.
    const people: Mention[][] = [];
    for (const m of [...mentions].sort(
      (a, b) => b.words.length - a.words.length || a.fact.name.localeCompare(b.fact.name),
    )) {
      const homes = people.filter((p) => m.words.every((w) => (p[0] as Mention).words.includes(w)));
      if (homes.length === 1) (homes[0] as Mention[]).push(m);
      else people.push([m]);
    }
    for (const person of people) {
      const name = (person[0] as Mention).fact.name;
      records.push({
        id: createHash('sha256')
          .update(`${regency}\u0000${unitKey(name)}`)
          .digest('hex')
          .slice(0, 16),
        regency,
        name,
        aliases: [...new Set(person.flatMap((m) => [m.fact.name, ...m.fact.aliases]))]
          .filter((n) => n !== name)
          .sort(),
        roles: [...new Set(person.map((m) => m.fact.role))].sort(),
        documentIds: [...new Set(person.map((m) => m.documentId))].sort(),
      });
    }
  }
  return records.sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
}
