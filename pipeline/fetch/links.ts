import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { InputError } from '../errors.js';
import { canonicalUrl } from './canonical-url.js';

export interface FeedEntry {
  url: string;
  /** The feed's own date text (RFC 822 in RSS, ISO 8601 in Atom), untouched: parsing dates is the extractor's job. */
  published: string | null;
}

export interface SitemapEntries {
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
  pages: { url: string; lastmod: string | null }[];
}

/**
 * Every link a page offers the crawler, canonical and absolute, once each, in document order:
 * a[href] and link[rel~=next] (pagination that some listings only announce in the head). Links that
 * are not http(s) (javascript:, mailto:, tel:) drop out in canonicalUrl.
 */
export function pageLinks(html: string, baseUrl: string): string[] {
  // A streaming pass over the tags, no DOM: every article is read for its report links, and building a
  // tree only to find a few anchors cost as much as a fifth of a crawl worker's time per page.
  // htmlparser2 is the parser under cheerio's fast mode, as forgiving of tag soup.
  const hrefs: string[] = [];
  let declaredBase: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const href = attributes.href;
        if (href === undefined) return;
        if (name === 'a' || (name === 'link' && /(?:^|\s)next(?:\s|$)/i.test(attributes.rel ?? '')))
          hrefs.push(href);
        else if (name === 'base') declaredBase ??= href;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const base = (declaredBase && canonicalUrl(declaredBase, baseUrl)) || baseUrl;
  return unique(hrefs.map((href) => canonicalUrl(href, base)));
}

/**
 * The articles an RSS (2.0 or 1.0) or Atom feed points at. A document that is none of those is an
 * InputError naming the feed, so a feed URL that now serves an HTML error page is noticed.
 */
export function feedEntries(xml: string, baseUrl: string): FeedEntry[] {
  const $ = cheerio.load(xml, { xml: true });
  const isRss = $('rss, rdf\\:RDF').length > 0;
  const isAtom = !isRss && $('feed').length > 0;
  if (!isRss && !isAtom) throw new InputError(baseUrl, 'not an RSS or Atom feed');
  const text = (parent: cheerio.Cheerio<AnyNode>, names: string[]): string | null => {
    for (const name of names) {
      const value = parent.children(name).first().text().trim();
      if (value) return value;
    }
    return null;
  };
  const entries: FeedEntry[] = [];
  if (isRss) {
    $('item').each((_, el) => {
      const item = $(el);
      const url = resolve(text(item, ['link']), baseUrl) ?? permalinkGuid(item);
      if (url) entries.push({ url, published: text(item, ['pubDate', 'dc\\:date']) });
    });
  } else {
    $('entry').each((_, el) => {
      const entry = $(el);
      const link = entry
        .children('link[href]')
        .filter((_i, l) => ['', 'alternate'].includes(($(l).attr('rel') ?? '').trim()))
        .first()
        .attr('href');
      const url = resolve(link?.trim(), baseUrl);
      if (url) entries.push({ url, published: text(entry, ['published', 'updated']) });
    });
  }
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.url)) return false;
    seen.add(e.url);
    return true;
  });
}

/**
 * An RSS item without <link> may name itself by its guid, which is a URL unless isPermaLink="false".
 * Only an absolute one is taken: many feeds put bare numeric ids there without saying so.
 */
function permalinkGuid(item: cheerio.Cheerio<AnyNode>): string | null {
  const guid = item.children('guid').first();
  if (guid.length === 0 || guid.attr('isPermaLink') === 'false') return null;
  return canonicalUrl(guid.text().trim());
}

/** A sitemap index's child sitemaps, or a urlset's pages with their lastmod text. */
export function sitemapEntries(xml: string, baseUrl: string): SitemapEntries {
  const $ = cheerio.load(xml, { xml: true });
  const index = $('sitemapindex');
  const urlset = $('urlset');
  if (index.length === 0 && urlset.length === 0)
    throw new InputError(baseUrl, 'not a sitemap: no <urlset> or <sitemapindex>');
  const locOf = (el: AnyNode) => resolve($(el).children('loc').first().text().trim(), baseUrl);
  const sitemaps = unique(index.children('sitemap').toArray().map(locOf));
  const pages: SitemapEntries['pages'] = [];
  const seen = new Set<string>();
  for (const el of urlset.children('url').toArray()) {
    const url = locOf(el);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    pages.push({ url, lastmod: $(el).children('lastmod').first().text().trim() || null });
  }
  return { sitemaps, pages };
}

/** An empty href means "this document" in HTML, but an empty <link> or <loc> in a feed means nothing. */
function resolve(href: string | null | undefined, base: string): string | null {
  return href ? canonicalUrl(href, base) : null;
}

function unique(urls: (string | null)[]): string[] {
  return [...new Set(urls.filter((u): u is string => u !== null))];
}
