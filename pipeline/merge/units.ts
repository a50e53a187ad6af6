import { createHash } from 'node:crypto';
import { pushTo } from '../../extractors/collections.js';
import { NAMED_HEADS, officeFullName, unitKey } from '../../extractors/units/unit-lexicon.js';
import type { DocumentFacts, UnitFact } from '../../models/index.js';
import type { StoredExtraction } from './stored.js';

/** One unit of one regency, under every name its documents use. */
export interface ResolvedUnit {
  id: string;
  regency: string;
  name: string;
  aliases: string[];
  documentIds: string[];
}

export interface UnitRegistry {
  units: ResolvedUnit[];
  /**
   * The resolved unit a document's fact or event calls `name`, if the document names such a unit of
   * `regency`: an event only ever lists units of its own regency (a visit's host keeps its units apart).
   */
  idOf(documentId: string, name: string, regency?: string): string | null;
}

interface Node {
  documentId: string;
  regency: string;
  fact: UnitFact;
  /** The written forms that identify it within its regency. */
  keys: string[];
  parent: number;
}

/**
 * Resolves units across documents: within one regency, two unit facts are one unit where any of their
 * forms (name, aliases, dictionary name) agree once written the same way, with the regency's own name
 * dropped from the end ("DPMPTSP", "Dinas PMPTSP" and "Dinas Penanaman Modal dan Pelayanan Terpadu Satu
 * Pintu Kabupaten Probolinggo" are one; "Puskesmas Leces" of two regencies are two). A unit's id comes from
 * the smallest of its keys, so it does not depend on the order documents arrive in. With `only`, the units
 * of that one regency.
 */
export function resolveUnits(extractions: readonly StoredExtraction[], only?: string): UnitRegistry {
  const nodes: Node[] = [];
  const byKey = new Map<string, number>();
  const find = (i: number): number => {
    let root = i;
    while ((nodes[root] as Node).parent !== root) root = (nodes[root] as Node).parent;
    (nodes[i] as Node).parent = root;
    return root;
  };
  const nodeOf = new Map<string, number>();
  for (const { document, facts } of extractions) {
    for (const fact of facts.units) {
      const regency = unitRegencyOf(fact, facts);
      if (regency === null || (only !== undefined && regency !== only)) continue;
      const keys = keysOf(fact, regency);
      const index = nodes.push({ documentId: document.id, regency, fact, keys, parent: nodes.length }) - 1;
      nodeOf.set(`${document.id}\u0000${unitKey(fact.name)}`, index);
      for (const alias of fact.aliases) nodeOf.set(`${document.id}\u0000${unitKey(alias)}`, index);
      for (const key of keys) {
        const known = byKey.get(`${regency}\u0000${key}`);
        if (known === undefined) byKey.set(`${regency}\u0000${key}`, index);
        else (nodes[find(index)] as Node).parent = find(known);
      }
    }
  }
  const components = new Map<number, number[]>();
  for (const i of nodes.keys()) pushTo(components, find(i), i);
  const idOfRoot = new Map<number, string>();
  const units: ResolvedUnit[] = [];
  for (const [root, members] of components) {
    const regency = (nodes[root] as Node).regency;
    const facts = members.map((i) => (nodes[i] as Node).fact);
    const keys = members.flatMap((i) => (nodes[i] as Node).keys).sort();
    const id = createHash('sha256')
      .update(`${regency}\u0000${keys[0] ?? ''}`)
      .digest('hex')
      .slice(0, 16);
    const forms = new Map<string, string>();
    for (const f of facts)
      for (const form of [f.name, ...f.aliases])
        if (!forms.has(unitKey(form))) forms.set(unitKey(form), form);
    const name = [...forms.values()].sort((a, b) => b.length - a.length || a.localeCompare(b))[0] as string;
    idOfRoot.set(root, id);
    units.push({
      id,
      regency,
      name,
      aliases: [...forms.values()].filter((f) => f !== name).sort(),
      documentIds: [...new Set(members.map((i) => (nodes[i] as Node).documentId))].sort(),
    });
  }
  units.sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
  return {
    units,
    idOf(documentId, name, regency) {
      const node = nodeOf.get(`${documentId}\u0000${unitKey(name)}`);
      if (node === undefined || (regency !== undefined && (nodes[node] as Node).regency !== regency))
        return null;
      return idOfRoot.get(find(node)) ?? null;
    },
  };
}

/** The regency a unit fact belongs to: its own, else that of an event naming it, else the document's first. */
export function unitRegencyOf(fact: UnitFact, facts: DocumentFacts): string | null {
  return (
    fact.regency ??
    facts.events.find((e) => e.units.includes(fact.name))?.regency ??
    facts.regencies[0] ??
    null
  );
}

/** Every regency a document's facts touch: the merge of one regency needs exactly these documents. */
export function regenciesOf(facts: DocumentFacts): Set<string> {
  const regencies = new Set(facts.regencies);
  for (const e of facts.events) regencies.add(e.regency);
  for (const u of facts.units) {
    const r = unitRegencyOf(u, facts);
    if (r !== null) regencies.add(r);
  }
  for (const x of [...facts.officials, ...facts.scores]) if (x.regency !== null) regencies.add(x.regency);
  return regencies;
}

/** A head alone ("RSUD", "Puskesmas") names a kind of unit, of which a regency has several. */
const BARE_HEADS = new Set(NAMED_HEADS.map((h) => unitKey(h.head)));

/** The written forms of a unit fact that identify it within its regency. */
function keysOf(fact: UnitFact, regency: string): string[] {
  const place = unitKey(regency.replace(/^(?:Kabupaten|Kota) /, ''));
  const suffix = new RegExp(
    `\\s(?:kabupaten |kab |kota )?${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    'u',
  );
  const keys = new Set<string>();
  for (const form of [fact.name, ...fact.aliases, ...(fact.canonical ? [fact.canonical] : [])]) {
    const whole = unitKey(form);
    // "DPMPTSP Kabupaten Probolinggo" is "DPMPTSP" of that regency.
    const bare = whole.replace(suffix, '');
    for (const key of new Set([whole, bare])) {
      if (key === '' || BARE_HEADS.has(key)) continue;
      const office = officeFullName(key);
      if (office) keys.add(unitKey(office));
      // A lone word that is no office's name ("Probolinggo") identifies nothing.
      if (key.includes(' ') || office) keys.add(key);
    }
  }
  return [...keys];
}
