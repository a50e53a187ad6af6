/**
 * The shared article-extraction benchmark (../shared/bench/article-extraction: 181 news and blog pages
 * with hand-made article bodies) and its reference scorer, for the bench and the quality test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const BENCH = join(SHARED, 'bench', 'article-extraction');
const SCORER = join(SHARED, 'tools', 'article-score.mjs');

export interface ArticlePage {
  id: string;
  url: string;
  html: string;
}

export interface ArticleScore {
  pages: number;
  missing: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Every page, unpacked up front so that timings measure parsing, not gunzip. */
export function loadArticlePages(): ArticlePage[] {
  const truth = JSON.parse(readFileSync(join(BENCH, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  return readdirSync(join(BENCH, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      const html = gunzipSync(readFileSync(join(BENCH, 'html', f))).toString('utf8');
      return { id, url: truth[id]?.url ?? '', html };
    });
}

/** The reference scorer's figures for article bodies by page id, so that ours are the published metric. */
export function scoreArticleBodies(bodies: ReadonlyMap<string, string>): ArticleScore {
  const dir = mkdtempSync(join(tmpdir(), 'zi-articles-'));
  try {
    const predictions = join(dir, 'predictions.json');
    const json = Object.fromEntries([...bodies].map(([id, articleBody]) => [id, { articleBody }]));
    writeFileSync(predictions, JSON.stringify(json));
    const out = execFileSync('node', [SCORER, predictions, '--json'], { encoding: 'utf8' });
    return JSON.parse(out) as ArticleScore;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
