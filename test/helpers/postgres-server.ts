import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface PostgresServer {
  /** A new, empty database on the server, by URL. */
  database(name: string): Promise<string>;
  stop(): void;
}

/** A server program: on the PATH, else where Debian's postgresql package puts it. */
function serverProgram(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse()
    : [];
  for (const v of versions) {
    const path = join('/usr/lib/postgresql', v, 'bin', name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} not found: install PostgreSQL (apt-get install -y postgresql)`);
}

/** PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user. */
function asServerUser(command: string, args: string[]): void {
  const program = serverProgram(command);
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : program, root ? ['-u', 'postgres', '--', program, ...args] : args, {
    stdio: 'pipe',
  });
}

/**
 * A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on a free port of
 * 127.0.0.1, trusting local connections; `stop` shuts it down and removes every file.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'zi-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser('initdb', ['-D', data, '-U', 'zi', '--auth=trust', '--locale=C.UTF-8', '--encoding=UTF8']);
  asServerUser('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    '-w',
    'start',
  ]);
  const url = (db: string) => `postgresql://zi@127.0.0.1:${port}/${db}`;
  return {
    async database(name) {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop() {
      try {
        asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
