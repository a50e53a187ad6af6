/** The SQL types and index forms that differ between the two backends. */
interface Dialect {
  bytes: string;
  timestamp: string;
  /** Indexes on lower(regency), which PostgreSQL's planner uses for the case-blind regency filter. */
  lowerRegencyIndexes: string;
  /** The same for the tables that had none: every table on SQLite, officials and scores on PostgreSQL. */
  moreLowerRegencyIndexes: string;
  /** Each stored event's summary (summarizeEvent) written from its body, in the backend's JSON functions. */
  eventSummaries: string;
  /** The table of which regencies each document touches, and its filling from the stored facts. */
  documentRegencies: string;
}

/**
 * The regencies a document's facts touch, as `regenciesOf` reads them, one SELECT per place they are
 * written; `elements(path)` lists a JSON array of the facts, `regencyOf` reads an element's regency.
 */
function factRegencies(
  elements: (path: string) => string,
  regencyOf: string,
  texts: (path: string) => string,
): string {
  const named = (path: string) =>
    `SELECT document_id, ${regencyOf} AS regency FROM extractions, ${elements(path)} WHERE ${regencyOf} IS NOT NULL`;
  return [
    `SELECT document_id, value AS regency FROM extractions, ${texts('regencies')}`,
    ...['events', 'units', 'officials', 'scores'].map(named),
  ].join('\n     UNION ');
}

const DIALECTS: Readonly<Record<'sqlite' | 'postgres', Dialect>> = {
  sqlite: {
    bytes: 'BLOB',
    timestamp: 'TEXT NOT NULL',
    lowerRegencyIndexes: '',
    moreLowerRegencyIndexes: `CREATE INDEX events_by_lower_regency ON events(lower(regency));
   CREATE INDEX units_by_lower_regency ON units(lower(regency));
   CREATE INDEX officials_by_lower_regency ON officials(lower(regency));
   CREATE INDEX scores_by_lower_regency ON scores(lower(regency));`,
    eventSummaries: `UPDATE events SET summary = json_set(json_remove(body, '$.sources'), '$.sourceCount',
     (SELECT count(DISTINCT json_extract(value, '$.documentId')) FROM json_each(body, '$.sources')));`,
    // Clustered on (regency, document): a regency's documents are one range of the table itself.
    documentRegencies: `CREATE TABLE document_regencies (
     regency TEXT NOT NULL,
     document_id TEXT NOT NULL REFERENCES documents(id),
     PRIMARY KEY (regency, document_id)
   ) WITHOUT ROWID;
   CREATE INDEX document_regencies_by_document ON document_regencies(document_id);
   INSERT OR IGNORE INTO document_regencies (document_id, regency)
     ${factRegencies(
       (path) => `json_each(facts, '$.${path}')`,
       "json_extract(value, '$.regency')",
       (path) => `json_each(facts, '$.${path}')`,
     )};`,
  },
  postgres: {
    bytes: 'BYTEA',
    timestamp: 'TIMESTAMPTZ NOT NULL DEFAULT now()',
    lowerRegencyIndexes: `CREATE INDEX events_by_lower_regency ON events(lower(regency));
   CREATE INDEX units_by_lower_regency ON units(lower(regency));`,
    moreLowerRegencyIndexes: `CREATE INDEX officials_by_lower_regency ON officials(lower(regency));
   CREATE INDEX scores_by_lower_regency ON scores(lower(regency));`,
    eventSummaries: `UPDATE events SET summary = ((body::jsonb - 'sources') || jsonb_build_object('sourceCount',
     (SELECT count(DISTINCT s ->> 'documentId') FROM jsonb_array_elements(body::jsonb -> 'sources') s)))::text;`,
    documentRegencies: `CREATE TABLE document_regencies (
     regency TEXT NOT NULL,
     document_id TEXT NOT NULL REFERENCES documents(id),
     PRIMARY KEY (regency, document_id)
   );
   CREATE INDEX document_regencies_by_document ON document_regencies(document_id);
   INSERT INTO document_regencies (document_id, regency)
     ${factRegencies(
       (path) => `jsonb_array_elements(facts::jsonb -> '${path}') AS x(value)`,
       "value ->> 'regency'",
       (path) => `jsonb_array_elements_text(facts::jsonb -> '${path}') AS x(value)`,
     )}
   ON CONFLICT DO NOTHING;`,
  },
};

/**
 * The store's schema, one migration per version, the same tables on both backends. A store records the
 * version it reached; one written by a newer version of the program is refused, not guessed at.
 */
export function migrations(backend: 'sqlite' | 'postgres'): readonly string[] {
  const d = DIALECTS[backend];
  return [
    `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     url TEXT,
     title TEXT,
     published TEXT,
     kind TEXT NOT NULL,
     text TEXT NOT NULL,
     raw ${d.bytes} NOT NULL,
     added_at ${d.timestamp}
   );
   CREATE TABLE extractions (
     document_id TEXT PRIMARY KEY REFERENCES documents(id),
     extractor_version TEXT NOT NULL,
     facts TEXT NOT NULL
   );
   CREATE TABLE events (
     id TEXT PRIMARY KEY,
     regency TEXT NOT NULL,
     type TEXT NOT NULL,
     date TEXT,
     body TEXT NOT NULL
   );
   CREATE INDEX events_by_regency_date ON events(regency, date);`,
    `ALTER TABLE events ADD COLUMN predicate TEXT;
   CREATE TABLE units (
     id TEXT PRIMARY KEY,
     regency TEXT NOT NULL,
     keys TEXT NOT NULL,
     latest_stage TEXT,
     body TEXT NOT NULL
   );
   CREATE INDEX units_by_regency ON units(regency);
   ${d.lowerRegencyIndexes}
   CREATE TABLE event_units (
     unit_id TEXT NOT NULL,
     event_id TEXT NOT NULL,
     PRIMARY KEY (unit_id, event_id)
   );`,
    `ALTER TABLE events ADD COLUMN digest TEXT NOT NULL DEFAULT '';`,
    // A regency's events are replaced whole; their unit links are found by event.
    'CREATE INDEX event_units_by_event ON event_units(event_id);',
    `CREATE TABLE officials (id TEXT PRIMARY KEY, regency TEXT NOT NULL, body TEXT NOT NULL);
   CREATE INDEX officials_by_regency ON officials(regency);
   CREATE TABLE scores (regency TEXT NOT NULL, metric TEXT NOT NULL, year INTEGER, body TEXT NOT NULL);
   CREATE INDEX scores_by_regency ON scores(regency);`,
    // A PDF's page spans as JSON, [{page, start, end}], for provenance by page. A table of their own, not
    // a column: SQLite reads a column stored after `raw` only by walking raw's overflow pages, which would
    // make every read of the texts read every PDF whole. Documents stored before have none: a run of the
    // same file or `zi reextract` gives them theirs.
    `CREATE TABLE document_pages (
     document_id TEXT PRIMARY KEY REFERENCES documents(id),
     pages TEXT NOT NULL
   );`,
    // Every regency filter is case-blind (lower(regency) IN …); without these SQLite walks a whole index
    // for it, which on 100,000 events made one regency's timeline cost more than reading it.
    d.moreLowerRegencyIndexes,
    // A timeline page reads events' summaries, not their bodies: a body carries every source with its
    // sentence, and reading and re-encoding them was most of a page's cost.
    `ALTER TABLE events ADD COLUMN summary TEXT;
   ${d.eventSummaries}`,
    // Which documents a regency's merge reads, by index: a merge of the few regencies a crawl touched
    // no longer reads every stored extraction to find them. Filled from the facts already stored.
    d.documentRegencies,
  ];
}
