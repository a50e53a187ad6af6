import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { PartialDate } from '../../models/index.js';
import { publishedFromByline, publishedFromIso } from './published.js';

export interface ParsedHtml {
  title: string | null;
  published: PartialDate | null;
  /** Headline and article paragraphs, one per line. */
  text: string;
  /** How the body was found, so a bad extraction can be traced. */
  via: 'known-container' | 'densest-block';
}

/** Containers the common Indonesian news CMSs (WordPress themes, Kompas/Detik-style) put the article in. */
const KNOWN_CONTAINERS = [
  '[itemprop="articleBody"]',
  '.detail-konten',
  '.detail__body-text',
  '.read__content',
  '.entry-content',
  '.post-body',
  '.post-content',
  '.article-content',
  '.content-detail',
  '.isi-berita',
  '.td-post-content',
  'article',
];
/** Boilerplate inside or around the article: navigation, sharing, related links, comments, ads. */
const BOILERPLATE =
  /(?:^|[\s_-])(?:nav|menu|breadcrumb|share|social|sosmed|related|terkait|baca-?juga|bacajuga|populer|popular|terpopuler|sidebar|widget|comment|komentar|tags?|footer|header|iklan|ads?|advert|banner|newsletter|ticker|breaking|author-box|recommend|rekomendasi|pagination)(?:$|[\s_-])/i;
const BLOCKS = 'p, h2, h3, h4, li, figcaption, blockquote';
const READ_ALSO = /^\s*(?:baca\s+(?:juga|pula)|simak\s+juga|lihat\s+juga|berita\s+terkait)\b/i;

/**
 * Reads a news page: its headline, publication date and article text without navigation, sidebars,
 * related links, share buttons and comments. Uses htmlparser2, several times faster than parse5 on
 * large pages, and forgiving of the broken markup regional sites serve.
 */
export function parseHtml(html: string): ParsedHtml {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // Bylines often sit in a <header> or a "meta" block that the clean-up below removes, so read them first.
  const published = publishedOf($) ?? publishedFromByline(bylineText($));
  $(
    'script, style, noscript, template, iframe, svg, form, nav, header, footer, aside, button, select',
  ).remove();
  $('[class], [id]').each((_, el) => {
    const marker = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (BOILERPLATE.test(marker) && !$(el).is('body, html, article')) $(el).remove();
  });
  const h1 = clean($('h1').first().text());
  const title =
    h1 ||
    clean($('meta[property="og:title"]').attr('content') ?? '') ||
    clean($('title').first().text()) ||
    null;
  const { container, via } = articleContainer($);
  const paragraphs: string[] = [];
  container.find(BLOCKS).each((_, el) => {
    if ($(el).parents(BLOCKS).length > 0) return;
    const line = clean($(el).text());
    if (line && !READ_ALSO.test(line)) paragraphs.push(line);
  });
  if (paragraphs.length === 0) {
    const whole = clean(container.text());
    if (whole) paragraphs.push(whole);
  }
  const lines = title && paragraphs[0] !== title ? [title, ...paragraphs] : paragraphs;
  return { title, published, text: lines.join('\n'), via };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function publishedOf($: cheerio.CheerioAPI): PartialDate | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const found = datePublishedIn(safeJson($(el).text()));
    if (found) return found;
  }
  const meta = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="content_PublishedDate"]',
  ];
  for (const selector of meta) {
    const found = publishedFromIso($(selector).attr('content'));
    if (found) return found;
  }
  return publishedFromIso($('time[datetime]').first().attr('datetime'));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function datePublishedIn(node: unknown): PartialDate | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = datePublishedIn(n);
      if (found) return found;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const record = node as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return publishedFromIso(record.datePublished);
  return datePublishedIn(record['@graph'] ?? null);
}

/**
 * The byline sits near the headline: the first short text block that holds a date, preferring one that
 * also gives the time ("Kamis, 12 Sept 2024 | 16:40 WIB"), since a site's top bar shows today's date
 * without one.
 */
function bylineText($: cheerio.CheerioAPI): string {
  const candidates = $('.date, .time, .byline, .meta, .post-date, .tanggal, .waktu, span, small, div')
    .toArray()
    .map((el) => clean($(el).text()))
    .filter((t) => t.length > 0 && t.length < 120 && publishedFromByline(t) !== null);
  return candidates.find((t) => CLOCK_TIME.test(t)) ?? candidates[0] ?? '';
}
const CLOCK_TIME = /(?<!\d)\d{1,2}[:.]\d{2}(?!\d)/;

function articleContainer($: cheerio.CheerioAPI): {
  container: cheerio.Cheerio<AnyNode>;
  via: ParsedHtml['via'];
} {
  for (const selector of KNOWN_CONTAINERS) {
    const found = $(selector)
      .toArray()
      .map((el) => ({ el, length: paragraphLength($, el) }))
      .sort((a, b) => b.length - a.length)[0];
    if (found && found.length >= 200) return { container: $(found.el), via: 'known-container' };
  }
  return { container: densestBlock($), via: 'densest-block' };
}

function paragraphLength($: cheerio.CheerioAPI, el: AnyNode): number {
  return $(el)
    .find('p')
    .toArray()
    .reduce((n, p) => n + clean($(p).text()).length, 0);
}

/** The element whose own paragraphs hold the most text: where the article is when no container names it. */
function densestBlock($: cheerio.CheerioAPI): cheerio.Cheerio<AnyNode> {
  const scores = new Map<Element, number>();
  for (const p of $('p').toArray()) {
    const length = clean($(p).text()).length;
    if (length < 25) continue;
    const parent = p.parent as Element | null;
    if (parent && parent.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  for (const [el, score] of scores) if (best === null || score > (scores.get(best) ?? 0)) best = el;
  return best ? $(best) : $('body').length ? $('body') : $.root();
}
