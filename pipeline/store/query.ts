import { unitKey } from '../../extractors/units/unit-lexicon.js';
import type { EventQuery } from './store.js';

/** A regency asked for by its full name or its bare place ("Probolinggo" is both Kabupaten and Kota). */
export function regencyCandidates(regency: string): [string, string, string] {
  const r = regency.trim().toLowerCase();
  return [r, `kabupaten ${r}`, `kota ${r}`];
}

/**
 * The WHERE clauses of a timeline query, shared by both backends; `mark` numbers the parameters as the
 * backend wants them (`?` for SQLite, `$n` for PostgreSQL). Dates compare at the precision asked, so
 * `--from 2024` keeps every 2024 date; events whose year is unknown (XXXX) are left out of a date filter.
 */
export function eventFilter(query: EventQuery, mark: '?' | '$'): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const p = (value: string) => {
    params.push(value);
    return mark === '?' ? '?' : `$${params.length}`;
  };
  if (query.regency) {
    const [a, b, c] = regencyCandidates(query.regency);
    where.push(`lower(regency) IN (${p(a)}, ${p(b)}, ${p(c)})`);
  }
  if (query.from) {
    const len = p(String(query.from.length));
    where.push(
      `date IS NOT NULL AND date NOT LIKE 'XXXX%' AND substr(date, 1, CAST(${len} AS INTEGER)) >= ${p(query.from)}`,
    );
  }
  if (query.to) {
    const len = p(String(query.to.length));
    where.push(
      `date IS NOT NULL AND date NOT LIKE 'XXXX%' AND substr(date, 1, CAST(${len} AS INTEGER)) <= ${p(query.to)}`,
    );
  }
  if (query.type) where.push(`type = ${p(query.type)}`);
  if (query.predicate) where.push(`predicate = ${p(query.predicate)}`);
  if (query.unit) {
    where.push(
      `id IN (SELECT eu.event_id FROM event_units eu JOIN units u ON u.id = eu.unit_id WHERE u.keys LIKE ${p(`%|${unitKey(query.unit)}|%`)})`,
    );
  }
  return { where, params };
}

/**
 * The timeline's order, the same on both backends: regency, known dates before unknown years before no
 * date, then date, kind and id. `collate` pins PostgreSQL to byte order, as SQLite compares.
 */
export function eventOrder(collate = ''): string {
  return `regency${collate}, CASE WHEN date IS NULL THEN 2 WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END, date${collate}, type${collate}, id${collate}`;
}
