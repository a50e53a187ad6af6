/**
 * Starts the fixture news site so a person can crawl it by hand:
 *
 *   npx tsx test/helpers/fixture-site-main.ts [--delay SECONDS] [--synthetic N] [--port PORT]
 *
 * Prints the origin and the entry points, then serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { HOSTILE_PATHS, startFixtureSite } from './fixture-site.js';

function numberFlag(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} wants a number of 0 or more, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    delay: { type: 'string' },
    synthetic: { type: 'string' },
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'usage: npx tsx test/helpers/fixture-site-main.ts [--delay SECONDS] [--synthetic N] [--port PORT]',
  );
  process.exit(0);
}

const started = performance.now();
const site = await startFixtureSite({
  crawlDelaySeconds: numberFlag(values.delay, 'delay', 1),
  syntheticPages: Math.floor(numberFlag(values.synthetic, 'synthetic', 0)),
  port: Math.floor(numberFlag(values.port, 'port', 0)),
});
const ms = Math.round(performance.now() - started);

console.log(site.origin);
console.log(`${site.articleUrls.length} articles, ${site.pdfUrls.length} PDF reports, started in ${ms} ms`);
console.log(`listing   ${site.origin}/berita/`);
console.log(`sitemap   ${site.origin}/sitemap.xml`);
console.log(`rss       ${site.origin}/rss.xml`);
console.log(`robots    ${site.origin}/robots.txt (disallowed: ${site.disallowedPaths.join(' ')})`);
console.log(`hostile   ${HOSTILE_PATHS.map((p) => p.slice('/hostile/'.length)).join(' ')}`);
console.log('Ctrl-C to stop');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${site.requests.length} requests served`);
  site.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
