import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../../pipeline/store/sqlite-store.js';
import { apiContract } from '../helpers/api-contract.js';

const work = mkdtempSync(join(tmpdir(), 'zi-api-sqlite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

apiContract('sqlite', async () => SqliteStore.open(join(work, 'api.db')));
