import { afterAll, beforeAll } from 'vitest';
import { PostgresStore } from '../../pipeline/store/postgres-store.js';
import { apiContract } from '../helpers/api-contract.js';
import { type PostgresServer, startPostgres } from '../helpers/postgres-server.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

apiContract('postgres', async () => PostgresStore.open(await server.database('api')));
