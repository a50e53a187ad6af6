/**
 * Vitest global set-up: the tests start real servers (redis-server, PostgreSQL) and a real browser
 * (Debian's chromium, driven by playwright-core), so `npm test` on a fresh
 * Debian machine installs the packages that are missing, as `.ci/run` does, when it may (root, apt-get).
 * Elsewhere it stops with the command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from '../helpers/browser.js';

const PACKAGES: { name: string; present: () => boolean }[] = [
  { name: 'redis-server', present: () => onPath('redis-server') },
  { name: 'postgresql', present: () => onPath('initdb') || postgresBinaries() },
  { name: 'chromium', present: () => existsSync(CHROMIUM) },
];

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, program)));
}

function postgresBinaries(): boolean {
  if (!existsSync('/usr/lib/postgresql')) return false;
  return readdirSync('/usr/lib/postgresql').some((v) =>
    existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')),
  );
}

export default function setup(): void {
  const missing = PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !onPath('apt-get'))
    throw new Error(`the tests need ${missing.join(' and ')}: install with \`${command}\` (as root)`);
  console.error(`installing ${missing.join(', ')} for the tests: ${command}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit' });
}
