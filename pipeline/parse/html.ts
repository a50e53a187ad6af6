import * as cheerio from 'cheerio';
import type { PartialDate } from '../../models/index.js';
import { articleBody, comparable } from './article-body.js';
import { publishedFromByline, publishedFromIso } from './published.js';

export interface ParsedHtml {
  title: string | null;
  published: PartialDate | null;
  /** The article's paragraphs, one per line, without the headline. */
  body: string;
  /** Headline and article paragraphs, one per line: the shape the fact extraction reads. */
  text: string;
}

/**
 * Reads a news page: its headline, publication date and article body without navigation, sidebars,
 * related links, share buttons and comments (see articleBody). Uses htmlparser2, several times faster
 * than parse5 on large pages, and forgiving of the broken markup regional sites serve.
 */
export function parseHtml(html: string): ParsedHtml {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const published = publishedOf($) ?? publishedFromByline(bylineText($));
  const title = headlineOf($);
  const root = $.root()[0];
  const paragraphs = root ? articleBody(root, title) : [];
  const lines = title && paragraphs[0] !== title ? [title, ...paragraphs] : paragraphs;
  return { title, published, body: paragraphs.join('\n'), text: lines.join('\n') };
}

/**
 * The page's own h1, not the site's name set in an h1 of the masthead: the h1 that the page title or
 * og:title repeats, else the first h1 that neither names the site nor sits in header or navigation,
 * else those titles without the site's name.
 */
function headlineOf($: cheerio.CheerioAPI): string | null {
  const siteName = clean($('meta[property="og:site_name"]').attr('content') ?? '');
  const site = comparable(siteName);
  const named = [$('meta[property="og:title"]').attr('content') ?? '', $('title').first().text()]
    .map((t) => withoutSiteName(clean(t), siteName))
    .filter(Boolean);
  const keys = named.map(comparable);
  const h1s = $('h1')
    .toArray()
    .map((el) => ({ el, text: clean($(el).text()), own: comparable($(el).text()) }))
    .filter((h) => h.own && h.own !== site);
  const repeated = h1s.find((h) => keys.some((key) => key.includes(h.own) && h.own.length * 2 >= key.length));
  if (repeated) return repeated.text;
  const outside = h1s.find((h) => $(h.el).closest('header, nav, footer, aside').length === 0);
  return outside?.text ?? named[0] ?? null;
}

/** "Dua Puskesmas Ikuti Desk Evaluasi - Kabar Lumajang" without " - Kabar Lumajang". */
function withoutSiteName(title: string, siteName: string): string {
  if (!siteName) return title;
  for (const sep of [' - ', ' | ', ' – ', ' — ', ' :: ', ' » ']) {
    if (title.endsWith(sep + siteName)) return title.slice(0, -(sep + siteName).length);
    if (title.startsWith(siteName + sep)) return title.slice((siteName + sep).length);
  }
  return title;
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
