import { unitKey } from '../../extractors/units/unit-lexicon.js';
import type { EventQuery, SearchQuery } from './store.js';

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

/** Whether any table holds a regency under one of its names: four index lookups, nothing read whole. */
export function hasRegencySql(mark: '?' | '$'): string {
  const [a, b, c] = mark === '?' ? ['?', '?', '?'] : ['$1', '$2', '$3'];
  return ['events', 'units', 'officials', 'scores']
    .map((table) => `EXISTS (SELECT 1 FROM ${table} WHERE lower(regency) IN (${a}, ${b}, ${c}))`)
    .join(' OR ');
}

/**
 * The timeline's order, the same on both backends: regency, known dates before unknown years before no
 * date, then date, kind and id. `collate` pins PostgreSQL to byte order, as SQLite compares.
 */
export function eventOrder(collate = ''): string {
  return `regency${collate}, CASE WHEN date IS NULL THEN 2 WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END, date${collate}, type${collate}, id${collate}`;
}

/** How each backend reads JSON bodies, which both keep as text. */
interface JsonDialect {
  mark: '?' | '$';
  like: string;
  /** A field of a JSON object, as text. */
  field(json: string, key: string): string;
  /** An array field of a JSON object, as JSON text. */
  array(json: string, key: string): string;
  /** A FROM item: the strings of an array field, one row each, as text in `${alias}.value`. */
  strings(json: string, key: string, alias: string): string;
  /** A FROM item: the objects of an array field, one row each, in `${alias}.value`. */
  objects(json: string, key: string, alias: string): string;
  collate: string;
}

const JSON_DIALECTS: Readonly<Record<'sqlite' | 'postgres', JsonDialect>> = {
  sqlite: {
    mark: '?',
    like: 'LIKE',
    field: (json, key) => `json_extract(${json}, '$.${key}')`,
    array: (json, key) => `json_extract(${json}, '$.${key}')`,
    strings: (json, key, alias) => `json_each(${json}, '$.${key}') AS ${alias}`,
    objects: (json, key, alias) => `json_each(${json}, '$.${key}') AS ${alias}`,
    collate: '',
  },
  postgres: {
    mark: '$',
    // SQLite's LIKE ignores the case of ASCII letters; ILIKE does that (and more) on PostgreSQL.
    like: 'ILIKE',
    field: (json, key) => `(${json})::jsonb ->> '${key}'`,
    array: (json, key) => `((${json})::jsonb -> '${key}')::text`,
    strings: (json, key, alias) =>
      `jsonb_array_elements_text((${json})::jsonb -> '${key}') AS ${alias}(value)`,
    objects: (json, key, alias) => `jsonb_array_elements((${json})::jsonb -> '${key}') AS ${alias}(value)`,
    collate: ' COLLATE "C"',
  },
};

/** One row of a search, whatever its kind; `roles` is a JSON array; `total` counts every row of the search. */
export interface SearchRow {
  kind: 'unit' | 'official' | 'sentence';
  id: string;
  regency: string;
  text: string;
  roles: string | null;
  document_id: string | null;
  start_at: number | null;
  end_at: number | null;
  total: number;
}

/** A LIKE pattern finding `text` anywhere, its wildcards taken literally (with `ESCAPE '\'`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * A text search as SQL for either backend: a substring match over the names and aliases of units, the
 * names, aliases and roles of officials, and the sentence of every event source, read from the stored
 * JSON bodies. There is no index: a row's raw JSON text is matched first, which is cheap and never
 * misses (bodies are written by JSON.stringify, whose escapes the pattern repeats), and only the rows
 * that pass are parsed. `page` takes `params`, then the limit and the offset; each row carries the
 * total, and `count` (the same `params`) gives it for a page past the end.
 */
export function searchSql(
  query: SearchQuery,
  backend: 'sqlite' | 'postgres',
): { page: string; count: string; params: string[] } {
  const d = JSON_DIALECTS[backend];
  const params: string[] = [];
  const p = (value: string) => {
    params.push(value);
    return d.mark === '?' ? '?' : `$${params.length}`;
  };
  const pattern = containing(query.text);
  const raw = containing(JSON.stringify(query.text).slice(1, -1));
  const matches = (text: string) => `${text} ${d.like} ${p(pattern)} ESCAPE '\\'`;
  const anyMatches = (json: string, key: string) =>
    `EXISTS (SELECT 1 FROM ${d.strings(json, key, 'j')} WHERE ${matches('j.value')})`;
  const candidates = query.regency ? regencyCandidates(query.regency) : null;
  /** The regency filter, then the raw-text filter, ahead of the JSON reads, so that they run first. */
  const where = (table: string) =>
    `${candidates ? `lower(${table}.regency) IN (${candidates.map(p).join(', ')}) AND ` : ''}${table}.body ${d.like} ${p(raw)} ESCAPE '\\'`;
  const hits = `
    SELECT 0 AS rank, 'unit' AS kind, u.id, u.regency, ${d.field('u.body', 'name')} AS text,
           CAST(NULL AS TEXT) AS roles, CAST(NULL AS TEXT) AS document_id,
           CAST(NULL AS INTEGER) AS start_at, CAST(NULL AS INTEGER) AS end_at
    FROM units u
    WHERE ${where('u')} AND (${matches(d.field('u.body', 'name'))} OR ${anyMatches('u.body', 'aliases')})
    UNION ALL
    SELECT 1, 'official', o.id, o.regency, ${d.field('o.body', 'name')}, ${d.array('o.body', 'roles')}, NULL, NULL, NULL
    FROM officials o
    WHERE ${where('o')} AND (${matches(d.field('o.body', 'name'))} OR ${anyMatches('o.body', 'aliases')}
          OR ${anyMatches('o.body', 'roles')})
    UNION ALL
    SELECT 2, 'sentence', e.id, e.regency, ${d.field('s.value', 'sentence')}, NULL,
           ${d.field('s.value', 'documentId')},
           CAST(${d.field('s.value', 'start')} AS INTEGER), CAST(${d.field('s.value', 'end')} AS INTEGER)
    FROM events e CROSS JOIN ${d.objects('e.body', 'sources', 's')}
    WHERE ${where('e')} AND ${matches(d.field('s.value', 'sentence'))}`;
  const n = params.length;
  const c = d.collate;
  const [limit, offset] = d.mark === '?' ? ['?', '?'] : [`$${n + 1}`, `$${n + 2}`];
  return {
    count: `SELECT CAST(count(*) AS INTEGER) AS n FROM (${hits}) hits`,
    page: `SELECT kind, id, regency, text, roles, document_id, start_at, end_at,
                  CAST(count(*) OVER () AS INTEGER) AS total
           FROM (${hits}) hits
           ORDER BY rank, regency${c}, text${c}, id${c}, document_id${c}, start_at LIMIT ${limit} OFFSET ${offset}`,
    params,
  };
}
