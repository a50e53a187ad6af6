/**
 * Article-body extraction on the shared benchmark (181 real news and blog pages), for our parser and for
 * Readability.js on jsdom: the reference scorer's F1, precision and recall, and pages per second on one
 * core from HTML string to article text (pages are unpacked before timing).
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHtml } from '../pipeline/parse/html.js';
import {
  type ArticlePage,
  type ArticleScore,
  loadArticlePages,
  scoreArticleBodies,
} from './article-pages.js';
import { formatRate, type Rate, rateOf } from './measure.js';

const TARGET_F1 = 0.96;
const TARGET_PAGES_PER_SECOND = 150;
const TARGET_RATIO = 5;

function ours(page: ArticlePage): string {
  return parseHtml(page.html).body;
}

function readability(page: ArticlePage): string {
  // A silent console: jsdom reports every stylesheet it cannot parse, and news pages ship many.
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

function scoreOf(pages: readonly ArticlePage[], extract: (page: ArticlePage) => string): ArticleScore {
  return scoreArticleBodies(new Map(pages.map((page) => [page.id, extract(page)])));
}

function line(name: string, score: ArticleScore, rate: Rate): string {
  return `  ${name.padEnd(22)} F1 ${score.f1.toFixed(3)}  P ${score.precision.toFixed(3)}  R ${score.recall.toFixed(3)}  ${formatRate(rate, 'pages')}`;
}

export async function benchArticleExtraction(): Promise<void> {
  const pages = loadArticlePages();
  const kb = pages.reduce((sum, p) => sum + p.html.length, 0) / pages.length / 1024;
  console.log(
    `\narticle extraction: ${pages.length} pages of the shared benchmark, ${Math.round(kb)} KB of HTML on average, one core, parse + extract`,
  );
  const ourScore = scoreOf(pages, ours);
  const ourRate = rateOf(pages, ours);
  // jsdom reads a few pages a second: the scoring pass warms it, one timed pass over every page is enough.
  const theirScore = scoreOf(pages, readability);
  const theirRate = rateOf(pages, readability, 0, 0);
  const ratio = ourRate.perSecond / theirRate.perSecond;
  console.log(line('ours (cheerio)', ourScore, ourRate));
  console.log(line('Readability + jsdom', theirScore, theirRate));
  console.log(`  ours reads ${ratio.toFixed(1)}× the pages per second of Readability + jsdom`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `  targets F1 ≥ ${TARGET_F1}: ${verdict(ourScore.f1 >= TARGET_F1)}; ≥ ${TARGET_PAGES_PER_SECOND} pages/s: ${verdict(ourRate.perSecond >= TARGET_PAGES_PER_SECOND)}; ≥ ${TARGET_RATIO}× Readability: ${verdict(ratio >= TARGET_RATIO)}`,
  );
}
