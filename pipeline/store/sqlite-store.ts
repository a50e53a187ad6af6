import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
  type ExtractionRow,
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

const MIGRATIONS = migrations('sqlite');
const PAGE_SIZE = 16_384;
/** How long SQLite itself sleeps for a lock, blocking the thread, before `write` awaits a pause instead. */
const SQLITE_WAIT_MS = 2;
/** The longest pause between two tries for another process's write lock. */
const MAX_LOCK_PAUSE_MS = 50;

/** The embedded store: one SQLite file holding documents, their extractions and the merged timeline. */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    db: Database.Database,
    path: string,
    private readonly busyTimeoutMs: number,
  ) {
    this.db = db;
    this.path = path;
  }

  /** `busyTimeoutMs`: how long a write waits for another process's lock before giving up. */
  static open(path: string, { busyTimeoutMs = 5_000 } = {}): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path, { timeout: busyTimeoutMs });
      // An event's stored body is 4 KB on average: on 16 KB pages it sits in its page rather than on a
      // chain of overflow pages, and rewriting a regency's timeline cost a tenth less. Only a new file
      // takes it; an existing store keeps the page size it was made with.
      if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps the store consistent after a crash and only skips a sync per commit.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (cause) {
      throw new StoreError(`cannot open store ${path}: ${(cause as Error).message}`, { cause });
    }
    const store = new SqliteStore(db, path, busyTimeoutMs);
    try {
      store.migrate();
    } catch (cause) {
      db.close();
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(`store ${path} is unusable: ${(cause as Error).message}`, { cause });
    }
    // From here writes wait for a lock in `write`, awaiting; SQLite itself waits only a moment, as a
    // reader may while another process checkpoints.
    db.pragma(`busy_timeout = ${SQLITE_WAIT_MS}`);
    return store;
  }

  /**
   * Brings the schema up to date in one transaction holding the write lock from its start, the version
   * read again inside it: two workers opening a new store at once would otherwise both read version 0,
   * and the second would create the tables again. An up-to-date store takes no lock at all.
   */
  private migrate(): void {
    const version = () => {
      const current = this.db.pragma('user_version', { simple: true }) as number;
      if (current > MIGRATIONS.length)
        throw new StoreError(
          `store schema version ${current} is newer than this program understands (${MIGRATIONS.length}); upgrade zi`,
        );
      return current;
    };
    if (version() === MIGRATIONS.length) return;
    this.db
      .transaction(() => {
        const current = version();
        for (let v = current; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${MIGRATIONS.length}`);
      })
      .immediate();
  }

  async saveDocument(
    doc: Document,
    raw: Uint8Array,
    extractorVersion: string,
    facts: DocumentFacts,
  ): Promise<SaveResult> {
    return this.write(`save ${doc.source}`, () => this.saveNew(doc, raw, extractorVersion, facts));
  }

  private saveNew(
    doc: Document,
    raw: Uint8Array,
    extractorVersion: string,
    facts: DocumentFacts,
  ): SaveResult {
    const inserted = this.db
      .prepare(
        `INSERT OR IGNORE INTO documents (id, source, url, title, published, kind, text, raw, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        doc.id,
        doc.source,
        doc.url,
        doc.title,
        doc.published,
        doc.kind,
        doc.text,
        Buffer.from(raw),
        new Date().toISOString(),
      );
    // A document already stored keeps its extraction: the same bytes under another name or URL are the
    // same document, and a rule change is applied to every document by `zi reextract`. Page spans are
    // saved with a new document, and given to a stored one that was saved without them.
    const added = inserted.changes > 0;
    if (added) {
      this.upsertExtraction(doc.id, extractorVersion, JSON.stringify(facts));
      this.indexRegencies(doc.id, facts);
    }
    if (doc.pages) this.fillPages(doc.id, doc.text, doc.pages);
    return { added };
  }

  async saveExtractions(items: readonly NewExtraction[]): Promise<number> {
    return this.write(`save ${items.length} extraction(s)`, () => {
      const read = this.statement('SELECT facts FROM extractions WHERE document_id = ?');
      let changed = 0;
      for (const { documentId, extractorVersion, facts } of items) {
        const json = JSON.stringify(facts);
        const before = read.get(documentId) as { facts: string } | undefined;
        this.upsertExtraction(documentId, extractorVersion, json);
        if (before?.facts === json) continue;
        changed++;
        this.indexRegencies(documentId, facts);
      }
      return changed;
    });
  }

  async eventDigests(regency: string): Promise<Map<string, string>> {
    const rows = this.statement('SELECT id, digest FROM events WHERE regency = ?').all(regency) as {
      id: string;
      digest: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.digest]));
  }

  /** `facts`: the facts as JSON, written once by the caller. */
  private upsertExtraction(documentId: string, extractorVersion: string, facts: string): void {
    this.statement(
      `INSERT INTO extractions (document_id, extractor_version, facts) VALUES (?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET extractor_version = excluded.extractor_version, facts = excluded.facts
         WHERE extractor_version <> excluded.extractor_version OR facts <> excluded.facts`,
    ).run(documentId, extractorVersion, facts);
  }

  /** Which regencies a document's merge belongs to, written beside its facts. */
  private indexRegencies(documentId: string, facts: DocumentFacts): void {
    this.statement('DELETE FROM document_regencies WHERE document_id = ?').run(documentId);
    const insert = this.statement('INSERT INTO document_regencies (regency, document_id) VALUES (?, ?)');
    for (const regency of regenciesOf(facts)) insert.run(regency, documentId);
  }

  /** A prepared statement, prepared once per store: the regency-by-regency rebuild runs the same few often. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /**
   * Runs a write in one transaction that takes the write lock at its start. While another process holds
   * the lock it is asked again after a pause awaited, not slept: SQLite's own wait blocks the thread, and
   * in a crawl worker that stops every other job for as long as another worker's merge holds the file.
   * SQLite's own errors (a lock held past `busyTimeoutMs`, a full disk) become a StoreError naming the file.
   */
  private async write<T>(action: string, work: () => T): Promise<T> {
    const transaction = this.db.transaction(work);
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let pauseMs = 1; ; pauseMs = Math.min(2 * pauseMs, MAX_LOCK_PAUSE_MS)) {
      try {
        return transaction.immediate();
      } catch (cause) {
        if (!(cause instanceof Database.SqliteError)) throw cause;
        const busy = cause.code.startsWith('SQLITE_BUSY');
        if (busy && Date.now() + pauseMs < deadline) {
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
          continue;
        }
        const reason = busy ? 'it is locked by another process' : cause.message;
        throw new StoreError(`cannot ${action} in store ${this.path}: ${reason}`, { cause });
      }
    }
  }

  async regencyDocuments(regencies?: readonly string[]): Promise<Map<string, string[]>> {
    const select = 'SELECT regency, document_id AS id FROM document_regencies';
    const rows = regencies
      ? await inChunks(regencies, (chunk) =>
          this.db
            .prepare(
              `${select} WHERE regency IN (${chunk.map(() => '?').join(',')}) ORDER BY regency, document_id`,
            )
            .all(...chunk),
        )
      : this.statement(`${select} ORDER BY regency, document_id`).all();
    return groupByRegency(rows as { regency: string; id: string }[]);
  }

  async extractionsOf(ids: readonly string[]): Promise<StoredExtraction[]> {
    return inChunks(ids, (chunk) =>
      (
        this.db
          .prepare(`${EXTRACTION_SELECT} WHERE d.id IN (${chunk.map(() => '?').join(',')}) ORDER BY d.id`)
          .all(...chunk) as ExtractionRow[]
      ).map(toExtraction),
    );
  }

  async texts(afterId: string | null, limit: number): Promise<StoredText[]> {
    return (
      this.db
        .prepare(`${TEXT_SELECT} WHERE d.id > ? ORDER BY d.id LIMIT ?`)
        .all(afterId ?? '', limit) as TextRow[]
    ).map(toStoredText);
  }

  async textsOf(ids: readonly string[]): Promise<StoredText[]> {
    return inChunks(ids, (chunk) =>
      (
        this.db
          .prepare(`${TEXT_SELECT} WHERE d.id IN (${chunk.map(() => '?').join(',')}) ORDER BY d.id`)
          .all(...chunk) as TextRow[]
      ).map(toStoredText),
    );
  }

  async unpagedPdfs(afterId: string | null, limit: number): Promise<UnpagedPdf[]> {
    return this.db
      .prepare(`${UNPAGED_PDF_SELECT} AND d.id > ? ORDER BY d.id LIMIT ?`)
      .all(afterId ?? '', limit) as UnpagedPdf[];
  }

  async savePages(id: string, text: string, pages: readonly PageSpan[]): Promise<boolean> {
    return this.write(`save the pages of ${id}`, () => this.fillPages(id, text, pages));
  }

  private fillPages(id: string, text: string, pages: readonly PageSpan[]): boolean {
    return (
      this.statement(
        `INSERT OR IGNORE INTO document_pages (document_id, pages)
         SELECT id, ? FROM documents WHERE id = ? AND text = ?`,
      ).run(JSON.stringify(pages), id, text).changes > 0
    );
  }

  async replaceRegencies(batch: readonly { regency: string; merged: Merged }[]): Promise<void> {
    await this.write(`write the timeline of ${batch.map((b) => b.regency).join(', ')}`, () => {
      for (const { regency, merged } of batch) {
        this.deleteRegency(regency);
        this.insert(merged);
      }
    });
  }

  private deleteRegency(regency: string): void {
    this.statement('DELETE FROM event_units WHERE event_id IN (SELECT id FROM events WHERE regency = ?)').run(
      regency,
    );
    this.statement('DELETE FROM events WHERE regency = ?').run(regency);
    this.statement('DELETE FROM units WHERE regency = ?').run(regency);
    this.statement('DELETE FROM officials WHERE regency = ?').run(regency);
    this.statement('DELETE FROM scores WHERE regency = ?').run(regency);
  }

  private insert({ events, units, officials, scores }: Merged): void {
    const event = this.statement(
      'INSERT INTO events (id, regency, type, date, predicate, digest, body, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const link = this.statement('INSERT OR IGNORE INTO event_units (unit_id, event_id) VALUES (?, ?)');
    for (const e of events) {
      event.run(
        e.id,
        e.regency,
        e.type,
        e.date,
        e.predicate,
        eventDigest(e),
        JSON.stringify(e),
        JSON.stringify(summarizeEvent(e)),
      );
      for (const u of e.unitIds) link.run(u, e.id);
    }
    const unit = this.statement(
      'INSERT INTO units (id, regency, keys, latest_stage, body) VALUES (?, ?, ?, ?, ?)',
    );
    for (const u of units) unit.run(u.id, u.regency, unitKeys(u), u.latestStage, JSON.stringify(u));
    const official = this.statement('INSERT OR REPLACE INTO officials (id, regency, body) VALUES (?, ?, ?)');
    for (const o of officials) official.run(o.id, o.regency, JSON.stringify(o));
    const score = this.statement('INSERT INTO scores (regency, metric, year, body) VALUES (?, ?, ?, ?)');
    for (const x of scores) score.run(x.regency, x.metric, x.year, JSON.stringify(x));
  }

  async officials(regency?: string): Promise<OfficialRecord[]> {
    const rows = (
      regency
        ? this.db
            .prepare('SELECT body FROM officials WHERE lower(regency) IN (?, ?, ?)')
            .all(...regencyCandidates(regency))
        : this.db.prepare('SELECT body FROM officials').all()
    ) as { body: string }[];
    return rows
      .map((r) => OfficialRecordSchema.parse(JSON.parse(r.body)))
      .sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
  }

  async scores(regency?: string): Promise<ScoreRecord[]> {
    const rows = (
      regency
        ? this.db
            .prepare('SELECT body FROM scores WHERE lower(regency) IN (?, ?, ?)')
            .all(...regencyCandidates(regency))
        : this.db.prepare('SELECT body FROM scores').all()
    ) as { body: string }[];
    return sortScores(rows.map((r) => ScoreRecordSchema.parse(JSON.parse(r.body))));
  }

  async timeline(query: EventQuery = {}): Promise<TimelineEvent[]> {
    const { where, params } = eventFilter(query, '?');
    const sql = `SELECT body FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${eventOrder()}`;
    const rows = this.db.prepare(sql).all(...params) as { body: string }[];
    return rows.map((r) => TimelineEventSchema.parse(JSON.parse(r.body)));
  }

  async timelinePage(
    query: EventQuery,
    page: PageRequest,
  ): Promise<{ items: TimelineEventSummary[]; total: number }> {
    const { where, params } = eventFilter(query, '?');
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT summary FROM events ${filter} ORDER BY ${eventOrder()} LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset) as { summary: string }[];
    const { n } = this.db.prepare(`SELECT count(*) AS n FROM events ${filter}`).get(...params) as {
      n: number;
    };
    return { items: rows.map((r) => TimelineEventSummarySchema.parse(JSON.parse(r.summary))), total: n };
  }

  async hasRegency(regency: string): Promise<boolean> {
    const row = this.db
      .prepare(`SELECT ${hasRegencySql('?')} AS known`)
      .get(...[1, 2, 3, 4].flatMap(() => regencyCandidates(regency))) as { known: number };
    return row.known === 1;
  }

  async event(id: string): Promise<TimelineEvent | null> {
    const row = this.db.prepare('SELECT body FROM events WHERE id = ?').get(id) as
      | { body: string }
      | undefined;
    return row ? TimelineEventSchema.parse(JSON.parse(row.body)) : null;
  }

  async units(regency?: string): Promise<UnitStatus[]> {
    const candidates = regency ? regencyCandidates(regency) : null;
    const rows = (
      candidates
        ? this.db
            .prepare('SELECT body FROM units WHERE lower(regency) IN (?, ?, ?) ORDER BY regency, id')
            .all(...candidates)
        : this.db.prepare('SELECT body FROM units ORDER BY regency, id').all()
    ) as { body: string }[];
    return rows
      .map((r) => UnitStatusSchema.parse(JSON.parse(r.body)))
      .sort((a, b) => a.regency.localeCompare(b.regency) || a.name.localeCompare(b.name));
  }

  async unit(id: string): Promise<UnitStatus | null> {
    const row = this.db.prepare('SELECT body FROM units WHERE id = ?').get(id) as
      | { body: string }
      | undefined;
    return row ? UnitStatusSchema.parse(JSON.parse(row.body)) : null;
  }

  async search(query: SearchQuery): Promise<{ items: SearchHit[]; total: number }> {
    const { page, count, params } = searchSql(query, 'sqlite');
    const rows = this.db.prepare(page).all(...params, query.limit, query.offset) as SearchRow[];
    const total =
      rows[0]?.total ?? (query.offset > 0 ? (this.db.prepare(count).get(...params) as { n: number }).n : 0);
    return { items: rows.map(toSearchHit), total };
  }

  async regencies(): Promise<RegencySummary[]> {
    return this.db
      .prepare(
        `SELECT r.regency AS regency,
                (SELECT count(*) FROM events e WHERE e.regency = r.regency) AS events,
                (SELECT count(*) FROM units u WHERE u.regency = r.regency) AS units,
                (SELECT count(*) FROM units u WHERE u.regency = r.regency AND u.latest_stage = 'awarded') AS awarded
         FROM (SELECT regency FROM events UNION SELECT regency FROM units) r
         ORDER BY r.regency`,
      )
      .all() as RegencySummary[];
  }

  async counts(): Promise<{ documents: number; events: number; units: number }> {
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: count('documents'), events: count('events'), units: count('units') };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
