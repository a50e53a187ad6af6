import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export interface StoreConfig {
  dbPath: string;
  databaseUrl?: string | undefined;
}

/** The store the configuration names: PostgreSQL where DATABASE_URL is set, else the SQLite file. */
export async function openStore(config: StoreConfig): Promise<Store> {
  return config.databaseUrl ? PostgresStore.open(config.databaseUrl) : SqliteStore.open(config.dbPath);
}
