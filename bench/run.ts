/**
 * `npm run bench`: every benchmark section in one process, one after the other, so that ratios compare
 * figures measured in the same run on the same machine.
 */
import { benchExtraction } from './extraction.js';

const FIXTURES = new URL('../fixtures/corpus/', import.meta.url).pathname;

await benchExtraction(FIXTURES);
