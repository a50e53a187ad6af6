/**
 * For the tests of the upgrade path: each backend's store turned back into one written before page spans
 * were kept, with no table of page spans and event bodies whose sources have no `page` field (nor the
 * indexes, the summary column and the table of each document's regencies later versions added).
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** The schema version such a store recorded. */
const SCHEMA_BEFORE_PAGES = 5;

/** An event body as it was stored before sources had pages. */
function withoutPages(body: string): string {
  const event = JSON.parse(body) as { sources: Record<string, unknown>[] };
  for (const source of event.sources) delete source.page;
  return JSON.stringify(event);
}

export function forgetPagesInSqlite(path: string): void {
  const db = new Database(path);
  try {
    db.transaction(() => {
      const rewrite = db.prepare('UPDATE events SET body = ? WHERE id = ?');
      for (const { id, body } of db.prepare('SELECT id, body FROM events').all() as {
        id: string;
        body: string;
      }[])
        rewrite.run(withoutPages(body), id);
      db.exec('DROP TABLE document_pages');
      db.exec('DROP TABLE document_regencies');
      for (const table of ['events', 'units', 'officials', 'scores'])
        db.exec(`DROP INDEX ${table}_by_lower_regency`);
      db.exec('ALTER TABLE events DROP COLUMN summary');
      db.pragma(`user_version = ${SCHEMA_BEFORE_PAGES}`);
    })();
  } finally {
    db.close();
  }
}

export async function forgetPagesInPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; body: string }>('SELECT id, body FROM events');
    for (const { id, body } of rows)
      await client.query('UPDATE events SET body = $1 WHERE id = $2', [withoutPages(body), id]);
    await client.query('DROP TABLE document_pages');
    await client.query('DROP TABLE document_regencies');
    for (const table of ['officials', 'scores']) await client.query(`DROP INDEX ${table}_by_lower_regency`);
    await client.query('ALTER TABLE events DROP COLUMN summary');
    await client.query('UPDATE zi_schema SET version = $1', [SCHEMA_BEFORE_PAGES]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
