import { describe, expect, it } from 'vitest';
import { loadArticlePages, scoreArticleBodies } from '../../bench/article-pages.js';
import { parseHtml } from '../../pipeline/parse/html.js';

describe('article bodies on the shared benchmark (181 news and blog pages)', () => {
  it('score F1 ≥ 0.96 with the reference scorer, above trafilatura (0.958) and Readability.js (0.947)', () => {
    const bodies = new Map(loadArticlePages().map((page) => [page.id, parseHtml(page.html).body]));
    const score = scoreArticleBodies(bodies);
    expect(score.pages).toBe(181);
    expect(score.missing).toBe(0);
    expect(score.f1).toBeGreaterThanOrEqual(0.96);
  });
});
