import pg from 'pg';
import {
  type Document,
  type DocumentFacts,
  type OfficialRecord,
  OfficialRecordSchema,
  type PageSpan,
  type RegencySummary,
  type ScoreRecord,
  ScoreRecordSchema,
  type SearchHit,
  summarizeEvent,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineEventSummary,
  TimelineEventSummarySchema,
  type UnitStatus,
  UnitStatusSchema,
} from '../../models/index.js';
import { StoreError } from '../errors.js';
import { eventDigest } from '../merge/digest.js';
import { type Merged, regenciesOf, type StoredExtraction } from '../merge/index.js';
import { sortScores } from '../merge/scores.js';
import { migrations } from './migrations.js';
import {
  eventFilter,
  eventOrder,
  hasRegencySql,
  regencyCandidates,
  type SearchRow,
  searchSql,
} from './query.js';
import {
  EXTRACTION_SELECT,
  groupByRegency,
  inChunks,
  TEXT_SELECT,
  type TextRow,
  toExtraction,
  toSearchHit,
  toStoredText,
  UNPAGED_PDF_SELECT,
  unitKeys,
} from './rows.js';
import type {
  EventQuery,
  NewExtraction,
  PageRequest,
  SaveResult,
  SearchQuery,
  Store,
  StoredText,
  UnpagedPdf,
} from './store.js';

const MIGRATIONS = migrations('postgres');

/** Serialises migrations when several workers start at once. */
const MIGRATION_LOCK = 7_441_913;
/** Rows per INSERT when the merged timeline is written. */
const BATCH = 2_000;

/** The shared store for workers on several machines: PostgreSQL, reached by DATABASE_URL. */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
    // An idle client losing its server is reported by the next query; it must not crash the process.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (cause) {
      await pool.end();
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(`cannot use PostgreSQL at ${redact(url)}: ${(cause as Error).message}`, { cause });
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await db.query('CREATE TABLE IF NOT EXISTS zi_schema (version INTEGER NOT NULL)');
      const row = (await db.query<{ version: number }>('SELECT version FROM zi_schema')).rows[0];
      const current = row?.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new StoreError(
          `store schema version ${current} is newer than this program understands (${MIGRATIONS.length}); upgrade zi`,
        );
      }
      for (let v = current; v < MIGRATIONS.length; v++) await db.query(MIGRATIONS[v] as string);
      if (row === undefined)
        await db.query('INSERT INTO zi_schema (version) VALUES ($1)', [MIGRATIONS.length]);
      else await db.query('UPDATE zi_schema SET version = $1', [MIGRATIONS.length]);
    });
  }

  private async transaction<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      const result = await work(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  async saveDocument(
    doc: Document,
    raw: Uint8Array,
    extractorVersion: string,
    facts: DocumentFacts,
  ): Promise<SaveResult> {
    return this.transaction(async (db) => {
      const inserted = await db.query(
        `INSERT INTO documents (id, source, url, title, published, kind, text, raw)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [doc.id, doc.source, doc.url, doc.title, doc.published, doc.kind, doc.text, Buffer.from(raw)],
      );
      // As in SQLite: a document already stored keeps its extraction and only gains missing page spans.
      const added = (inserted.rowCount ?? 0) > 0;
      if (added) {
        await this.upsertExtraction(db, doc.id, extractorVersion, facts);
        await this.indexRegencies(db, [{ documentId: doc.id, facts }]);
      }
      if (doc.pages) await this.fillPages(db, doc.id, doc.text, doc.pages);
      return { added };
    });
  }

  async saveExtractions(items: readonly NewExtraction[]): Promise<number> {
    if (items.length === 0) return 0;
    return this.transaction(async (db) => {
      const { rows } = await db.query<{ document_id: string; facts: string }>(
        'SELECT document_id, facts FROM extractions WHERE document_id = ANY($1::text[])',
        [items.map((i) => i.documentId)],
      );
      const before = new Map(rows.map((r) => [r.document_id, r.facts]));
      const json = items.map((i) => JSON.stringify(i.facts));
      await db.query(
        `INSERT INTO extractions (document_id, extractor_version, facts)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (document_id) DO UPDATE SET extractor_version = excluded.extractor_version, facts = excluded.facts
         WHERE extractions.extractor_version <> excluded.extractor_version OR extractions.facts <> excluded.facts`,
        [items.map((i) => i.documentId), items.map((i) => i.extractorVersion), json],
      );
      const changed = items.filter((item, k) => before.get(item.documentId) !== json[k]);
      await this.indexRegencies(db, changed);
      return changed.length;
    });
  }

  /** Which regencies these documents' merges belong to, written beside their facts. */
  private async indexRegencies(
    db: pg.PoolClient,
    items: readonly { documentId: string; facts: DocumentFacts }[],
  ): Promise<void> {
    if (items.length === 0) return;
    await db.query('DELETE FROM document_regencies WHERE document_id = ANY($1::text[])', [
      items.map((i) => i.documentId),
    ]);
    const rows = items.flatMap(({ documentId, facts }) =>
      [...regenciesOf(facts)].map((regency) => [regency, documentId] as const),
    );
    await db.query(
      'INSERT INTO document_regencies (regency, document_id) SELECT * FROM unnest($1::text[], $2::text[])',
      [rows.map((r) => r[0]), rows.map((r) => r[1])],
    );
  }

  async eventDigests(regency: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; digest: string }>(
      'SELECT id, digest FROM events WHERE regency = $1',
      [regency],
    );
    return new Map(rows.map((r) => [r.id, r.digest]));
  }

  private async upsertExtraction(
    db: pg.PoolClient,
    documentId: string,
    extractorVersion: string,
    facts: DocumentFacts,
  ) {
    await db.query(
      `INSERT INTO extractions (document_id, extractor_version, facts) VALUES ($1, $2, $3)
       ON CONFLICT (document_id) DO UPDATE SET extractor_version = excluded.extractor_version, facts = excluded.facts
       WHERE extractions.extractor_version <> excluded.extractor_version OR extractions.facts <> excluded.facts`,
      [documentId, extractorVersion, JSON.stringify(facts)],
    );
  }

  async regencyDocuments(regencies?: readonly string[]): Promise<Map<string, string[]>> {
    const { rows } = await this.pool.query<{ regency: string; id: string }>(
      `SELECT regency, document_id AS id FROM document_regencies
       WHERE $1::text[] IS NULL OR regency = ANY($1::text[])
       ORDER BY regency COLLATE "C", document_id COLLATE "C"`,
      [regencies ?? null],
    );
    return groupByRegency(rows);
  }

  async extractionsOf(ids: readonly string[]): Promise<StoredExtraction[]> {
    return inChunks(ids, async (chunk) => {
      const { rows } = await this.pool.query(
        `${EXTRACTION_SELECT} WHERE d.id = ANY($1::text[]) ORDER BY d.id COLLATE "C"`,
        [chunk],
      );
      return rows.map(toExtraction);
    });
  }

  async texts(afterId: string | null, limit: number): Promise<StoredText[]> {
    const { rows } = await this.pool.query<TextRow>(
      `${TEXT_SELECT} WHERE d.id > $1 COLLATE "C" ORDER BY d.id COLLATE "C" LIMIT $2`,
      [afterId ?? '', limit],
    );
    return rows.map(toStoredText);
  }

  async textsOf(ids: readonly string[]): Promise<StoredText[]> {
    return inChunks(ids, async (chunk) => {
      const { rows } = await this.pool.query<TextRow>(
        `${TEXT_SELECT} WHERE d.id = ANY($1::text[]) ORDER BY d.id COLLATE "C"`,
        [chunk],
      );
      return rows.map(toStoredText);
    });
  }

  async unpagedPdfs(afterId: string | null, limit: number): Promise<UnpagedPdf[]> {
    const { rows } = await this.pool.query<UnpagedPdf>(
      `${UNPAGED_PDF_SELECT} AND d.id > $1 COLLATE "C" ORDER BY d.id COLLATE "C" LIMIT $2`,
      [afterId ?? '', limit],
    );
    return rows;
  }

  async savePages(id: string, text: string, pages: readonly PageSpan[]): Promise<boolean> {
    return this.transaction((db) => this.fillPages(db, id, text, pages));
  }

  private async fillPages(
    db: pg.PoolClient,
    id: string,
    text: string,
    pages: readonly PageSpan[],
  ): Promise<boolean> {
    const updated = await db.query(
      `INSERT INTO document_pages (document_id, pages)
       SELECT id, $1 FROM documents WHERE id = $2 AND text = $3
       ON CONFLICT (document_id) DO NOTHING`,
      [JSON.stringify(pages), id, text],
    );
    return (updated.rowCount ?? 0) > 0;
  }

  async replaceRegencies(batch: readonly { regency: string; merged: Merged }[]): Promise<void> {
    await this.transaction(async (db) => {
      for (const { regency, merged } of batch) {
        await this.deleteRegency(db, regency);
        await this.insert(db, merged);
      }
    });
  }

  private async deleteRegency(db: pg.PoolClient, regency: string): Promise<void> {
    await db.query('DELETE FROM event_units WHERE event_id IN (SELECT id FROM events WHERE regency = $1)', [
      regency,
    ]);
    await db.query('DELETE FROM events WHERE regency = $1', [regency]);
    await db.query('DELETE FROM units WHERE regency = $1', [regency]);
    await db.query('DELETE FROM officials WHERE regency = $1', [regency]);
    await db.query('DELETE FROM scores WHERE regency = $1', [regency]);
  }

  private async insert(db: pg.PoolClient, { events, units, officials, scores }: Merged): Promise<void> {
    if (officials.length > 0)
      await db.query(
        `INSERT INTO officials (id, regency, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
        [
          officials.map((o) => o.id),
          officials.map((o) => o.regency),
          officials.map((o) => JSON.stringify(o)),
        ],
      );
    if (scores.length > 0)
      await db.query(
        'INSERT INTO scores (regency, metric, year, body) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])',
        [
          scores.map((x) => x.regency),
          scores.map((x) => x.metric),
          scores.map((x) => x.year),
          scores.map((x) => JSON.stringify(x)),
        ],
      );
    for (let i = 0; i < events.length; i += BATCH) {
      const slice = events.slice(i, i + BATCH);
      await db.query(
        `INSERT INTO events (id, regency, type, date, predicate, digest, body, summary)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        [
          slice.map((e) => e.id),
          slice.map((e) => e.regency),
          slice.map((e) => e.type),
          slice.map((e) => e.date),
          slice.map((e) => e.predicate),
          slice.map(eventDigest),
          slice.map((e) => JSON.stringify(e)),
          slice.map((e) => JSON.stringify(summarizeEvent(e))),
        ],
      );
      const links = slice.flatMap((e) => e.unitIds.map((u) => [u, e.id] as const));
      if (links.length > 0)
        await db.query(
          'INSERT INTO event_units (unit_id, event_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
          [links.map(([u]) => u), links.map(([, e]) => e)],
        );
    }
    for (let i = 0; i < units.length; i += BATCH) {
      const slice = units.slice(i, i + BATCH);
      await db.query(
        `INSERT INTO units (id, regency, keys, latest_stage, body)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          slice.map((u) => u.id),
          slice.map((u) => u.regency),
          slice.map(unitKeys),
          slice.map((u) => u.latestStage),
          slice.map((u) => JSON.stringify(u)),
        ],
      );
    }
  }

  async timeline(query: EventQuery = {}): Promise<TimelineEvent[]> {
    const { where, params } = eventFilter(query, '$');
    const { rows } = await this.pool.query<{ body: string }>(
      `SELECT body FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${eventOrder(' COLLATE "C"')}`,
      params,
    );
    return rows.map((r) => TimelineEventSchema.parse(JSON.parse(r.body)));
  }

  async timelinePage(
    query: EventQuery,
    page: PageRequest,
  ): Promise<{ items: TimelineEventSummary[]; total: number }> {
    const { where, params } = eventFilter(query, '$');
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const n = params.length;
    const [{ rows }, count] = await Promise.all([
      this.pool.query<{ summary: string }>(
        `SELECT summary FROM events ${filter} ORDER BY ${eventOrder(' COLLATE "C"')} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events ${filter}`, params),
    ]);
    return {
      items: rows.map((r) => TimelineEventSummarySchema.parse(JSON.parse(r.summary))),
      total: count.rows[0]?.n ?? 0,
    };
  }

  async hasRegency(regency: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ known: boolean }>(
      `SELECT ${hasRegencySql('$')} AS known`,
      regencyCandidates(regency),
    );
    return rows[0]?.known === true;
  }

  async event(id: string): Promise<TimelineEvent | null> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM events WHERE id = $1', [id]);
    return rows[0] ? TimelineEventSchema.parse(JSON.parse(rows[0].body)) : null;
  }

  async units(regency?: string): Promise<UnitStatus[]> {
    const { rows } = regency
      ? await this.pool.query<{ body: string }>(
          'SELECT body FROM units WHERE lower(regency) IN ($1, $2, $3)',
          regencyCandidates(regency),
        )
      : await this.pool.query<{ body: string }>('SELECT body FROM units');
    return rows
      .map((r) => UnitStatusSchema.parse(JSON.parse(r.body)))
      .sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
  }

  async officials(regency?: string): Promise<OfficialRecord[]> {
    const { rows } = regency
      ? await this.pool.query<{ body: string }>(
          'SELECT body FROM officials WHERE lower(regency) IN ($1, $2, $3)',
          regencyCandidates(regency),
        )
      : await this.pool.query<{ body: string }>('SELECT body FROM officials');
    return rows
      .map((r) => OfficialRecordSchema.parse(JSON.parse(r.body)))
      .sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
  }

  async scores(regency?: string): Promise<ScoreRecord[]> {
    const { rows } = regency
      ? await this.pool.query<{ body: string }>(
          'SELECT body FROM scores WHERE lower(regency) IN ($1, $2, $3)',
          regencyCandidates(regency),
        )
      : await this.pool.query<{ body: string }>('SELECT body FROM scores');
    return sortScores(rows.map((r) => ScoreRecordSchema.parse(JSON.parse(r.body))));
  }

  async unit(id: string): Promise<UnitStatus | null> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM units WHERE id = $1', [id]);
    return rows[0] ? UnitStatusSchema.parse(JSON.parse(rows[0].body)) : null;
  }

  async search(query: SearchQuery): Promise<{ items: SearchHit[]; total: number }> {
    const { page, count, params } = searchSql(query, 'postgres');
    const { rows } = await this.pool.query<SearchRow>(page, [...params, query.limit, query.offset]);
    const total =
      rows[0]?.total ??
      (query.offset > 0 ? ((await this.pool.query<{ n: number }>(count, params)).rows[0]?.n ?? 0) : 0);
    return { items: rows.map(toSearchHit), total };
  }

  async regencies(): Promise<RegencySummary[]> {
    const { rows } = await this.pool.query<RegencySummary>(
      `SELECT r.regency AS regency,
              (SELECT count(*) FROM events e WHERE e.regency = r.regency)::int AS events,
              (SELECT count(*) FROM units u WHERE u.regency = r.regency)::int AS units,
              (SELECT count(*) FROM units u WHERE u.regency = r.regency AND u.latest_stage = 'awarded')::int AS awarded
       FROM (SELECT regency FROM events UNION SELECT regency FROM units) r
       ORDER BY r.regency COLLATE "C"`,
    );
    return rows;
  }

  async counts(): Promise<{ documents: number; events: number; units: number }> {
    const { rows } = await this.pool.query<{ documents: number; events: number; units: number }>(
      `SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM units)::int AS units`,
    );
    return rows[0] as { documents: number; events: number; units: number };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A connection URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
