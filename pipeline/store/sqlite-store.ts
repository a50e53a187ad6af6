import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type Document,
  type DocumentFacts,
  DocumentFactsSchema,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineQuery,
} from '../../models/index.js';
import { StoreError } from '../errors.js';
import { mergeTimeline, type StoredExtraction } from '../merge.js';

/** Versioned migrations; a store written by a newer version of the code is refused, not guessed at. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     url TEXT,
     title TEXT,
     published TEXT,
     kind TEXT NOT NULL,
     text TEXT NOT NULL,
     raw BLOB NOT NULL,
     added_at TEXT NOT NULL
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
];

export interface SaveResult {
  /** New: the document was not in the store before. */
  added: boolean;
}

/** The embedded store: one SQLite file holding documents, their extractions and the merged timeline. */
export class SqliteStore {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path, { timeout: 5000 });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
    } catch (cause) {
      throw new StoreError(`cannot open store ${path}: ${(cause as Error).message}`, { cause });
    }
    const store = new SqliteStore(db);
    try {
      store.migrate();
    } catch (cause) {
      db.close();
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(`store ${path} is unusable: ${(cause as Error).message}`, { cause });
    }
    return store;
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new StoreError(
        `store schema version ${current} is newer than this program understands (${MIGRATIONS.length}); upgrade zi`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Stores a document and its extraction in one transaction; the same bytes again change nothing. */
  saveDocument(doc: Document, raw: Uint8Array, extractorVersion: string, facts: DocumentFacts): SaveResult {
    const save = this.db.transaction((): SaveResult => {
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
      this.db
        .prepare(
          `INSERT INTO extractions (document_id, extractor_version, facts) VALUES (?, ?, ?)
           ON CONFLICT(document_id) DO UPDATE SET extractor_version = excluded.extractor_version, facts = excluded.facts
           WHERE extractor_version <> excluded.extractor_version OR facts <> excluded.facts`,
        )
        .run(doc.id, extractorVersion, JSON.stringify(facts));
      return { added: inserted.changes > 0 };
    });
    return save();
  }

  /** Re-merges the whole timeline from the stored extractions and replaces it in one transaction. */
  rebuildTimeline(): TimelineEvent[] {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.source, d.url, d.title, d.published, d.text, e.extractor_version, e.facts
         FROM documents d JOIN extractions e ON e.document_id = d.id`,
      )
      .all() as {
      id: string;
      source: string;
      url: string | null;
      title: string | null;
      published: string | null;
      text: string;
      extractor_version: string;
      facts: string;
    }[];
    const extractions: StoredExtraction[] = rows.map((r) => ({
      document: {
        id: r.id,
        source: r.source,
        url: r.url,
        title: r.title,
        published: r.published,
        text: r.text,
      },
      extractorVersion: r.extractor_version,
      facts: DocumentFactsSchema.parse(JSON.parse(r.facts)),
    }));
    const events = mergeTimeline(extractions);
    this.db.transaction(() => {
      this.db.exec('DELETE FROM events');
      const insert = this.db.prepare(
        'INSERT INTO events (id, regency, type, date, body) VALUES (?, ?, ?, ?, ?)',
      );
      for (const e of events) insert.run(e.id, e.regency, e.type, e.date, JSON.stringify(e));
    })();
    return events;
  }

  /**
   * Events in date order. `from`/`to` compare at the precision given, so `--from 2024` keeps every
   * 2024 date; events whose year is unknown (XXXX) are left out of a date-filtered listing.
   */
  timeline(query: TimelineQuery = {}): TimelineEvent[] {
    const where: string[] = [];
    const params: string[] = [];
    if (query.regency) {
      where.push('(lower(regency) = lower(?) OR lower(regency) IN (lower(?), lower(?)))');
      params.push(query.regency, `Kabupaten ${query.regency}`, `Kota ${query.regency}`);
    }
    if (query.from) {
      where.push("date IS NOT NULL AND date NOT LIKE 'XXXX%' AND substr(date, 1, ?) >= ?");
      params.push(String(query.from.length), query.from);
    }
    if (query.to) {
      where.push("date IS NOT NULL AND date NOT LIKE 'XXXX%' AND substr(date, 1, ?) <= ?");
      params.push(String(query.to.length), query.to);
    }
    const sql = `SELECT body FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY regency, CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END, date, type`;
    const rows = this.db.prepare(sql).all(...params) as { body: string }[];
    return rows.map((r) => TimelineEventSchema.parse(JSON.parse(r.body)));
  }

  counts(): { documents: number; events: number } {
    const documents = (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const events = (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    return { documents, events };
  }

  close(): void {
    this.db.close();
  }
}
