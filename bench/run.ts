/**
 * `npm run bench`: every benchmark section in one process, one after the other, so that ratios compare
 * figures measured in the same run on the same machine.
 */
import { benchArticleExtraction } from './article-extraction.js';
import { benchCrawl } from './crawl.js';
import { benchDedup } from './dedup.js';
import { benchExtraction } from './extraction.js';
import { benchStore } from './store.js';

const FIXTURES = new URL('../fixtures/corpus/', import.meta.url).pathname;
/** `ZI_BENCH_DOCS` shrinks the large store for a quick look; the figure is 100,000. */
const LARGE_STORE_DOCS = Number(process.env.ZI_BENCH_DOCS ?? 100_000);

await benchExtraction(FIXTURES);
await benchArticleExtraction();
await benchDedup(new URL('../fixtures/dedup/', import.meta.url).pathname);
await benchStore(FIXTURES, LARGE_STORE_DOCS);
await benchCrawl(Number(process.env.ZI_BENCH_CRAWL_PAGES ?? 5_000));
