import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../pipeline/errors.js';
import { fetchUrl } from '../../../pipeline/fetch/http-fetch.js';
import { feedEntries, pageLinks, sitemapEntries } from '../../../pipeline/fetch/links.js';
import {
  type FixtureSite,
  HOSTILE_PATHS,
  PAGE_SIZE,
  RSS_ITEMS,
  startFixtureSite,
} from '../../helpers/fixture-site.js';
import { binaryJunk } from '../../helpers/fixture-site-hostile.js';

describe('links on the fixture site', () => {
  let site: FixtureSite;
  const get = async (path: string): Promise<string> => {
    const result = await fetchUrl(`${site.origin}${path}`, {
      userAgent: 'zi-timeline-test/0.1',
      allowAddress: (ip) => ip === '127.0.0.1',
    });
    if (result.kind !== 'fetched') throw new Error(`${path}: expected a body`);
    return Buffer.from(result.body).toString('utf8');
  };
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site.close());

  it('collects the first listing page’s links: articles, pagination, private and hostile pages', async () => {
    const url = `${site.origin}/berita/`;
    const links = pageLinks(await get('/berita/'), url);
    expect(new Set(links).size).toBe(links.length);
    expect(links.every((l) => l.startsWith(`${site.origin}/`))).toBe(true);
    const articles = links.filter((l) => site.articleUrls.includes(l));
    expect(articles).toHaveLength(PAGE_SIZE);
    // <link rel="next"> in the head comes first, before the same URL in the pager.
    expect(links[0]).toBe(`${site.origin}/berita/?page=2`);
    expect(links).toContain(`${site.origin}/private/draft.html`);
    for (const path of HOSTILE_PATHS) expect(links).toContain(`${site.origin}${path}`);
    // Document order: the site menu precedes the articles, which precede the footer.
    const at = (u: string) => links.indexOf(u);
    expect(at(`${site.origin}/laporan/`)).toBeLessThan(at(articles[0] ?? ''));
    expect(at(articles.at(-1) ?? '')).toBeLessThan(at(`${site.origin}/sitemap.xml`));
  });

  it('reads the RSS feed: the newest articles with their pubDate', async () => {
    const entries = feedEntries(await get('/rss.xml'), `${site.origin}/rss.xml`);
    expect(entries).toHaveLength(RSS_ITEMS);
    for (const entry of entries) {
      expect(site.articleUrls).toContain(entry.url);
      expect(entry.published).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
  });

  it('reads the sitemap index, then the sitemap: every article and PDF with lastmod', async () => {
    const index = sitemapEntries(await get('/sitemap.xml'), `${site.origin}/sitemap.xml`);
    expect(index).toEqual({ sitemaps: [`${site.origin}/sitemap-berita.xml`], pages: [] });
    const sitemap = sitemapEntries(await get('/sitemap-berita.xml'), `${site.origin}/sitemap-berita.xml`);
    expect(sitemap.sitemaps).toEqual([]);
    expect(sitemap.pages.map((p) => p.url).sort()).toEqual([...site.articleUrls, ...site.pdfUrls].sort());
    for (const page of sitemap.pages) expect(page.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('pageLinks', () => {
  const base = 'https://portal.example.id/berita/2025/11/zona-integritas.html';

  it('resolves, canonicalises and deduplicates, skipping what is not http(s)', () => {
    const html = `<html><head><link rel="stylesheet" href="/gaya.css"><link rel="prev next" href="?hal=2"></head><body>
      <a href="../10/wbk.html?utm_source=wa#atas">WBK</a>
      <a href="https://Portal.Example.ID:443/berita/2025/10/wbk.html">lagi</a>
      <a href="javascript:void(0)">bagikan</a> <a href="mailto:redaksi@example.id">surel</a>
      <a href="tel:+62211234">telepon</a> <a href="#komentar">komentar</a> <a>tanpa href</a>
      <a href="//cdn.example.id/foto.jpg">foto</a> <a href="http://[bad">rusak</a>
    </body></html>`;
    expect(pageLinks(html, base)).toEqual([
      'https://portal.example.id/berita/2025/11/zona-integritas.html?hal=2',
      'https://portal.example.id/berita/2025/10/wbk.html',
      'https://portal.example.id/berita/2025/11/zona-integritas.html',
      'https://cdn.example.id/foto.jpg',
    ]);
  });

  it('resolves against <base href>', () => {
    const html = '<head><base href="https://arsip.example.id/lama/"></head><a href="a.html">a</a>';
    expect(pageLinks(html, base)).toEqual(['https://arsip.example.id/lama/a.html']);
  });

  it('survives tag soup and binary junk', () => {
    expect(pageLinks('<div><a href="/x">x<p><a href=/y>y</div></b></i><a href="/z"', base)).toEqual([
      'https://portal.example.id/x',
      'https://portal.example.id/y',
    ]);
    expect(Array.isArray(pageLinks(binaryJunk(64 * 1024).toString('latin1'), base))).toBe(true);
    expect(pageLinks('', base)).toEqual([]);
  });
});

describe('feedEntries', () => {
  const feedUrl = 'https://portal.example.id/feed/';

  it('reads RSS 2.0: link, else a permalink guid, with pubDate or dc:date', () => {
    const xml = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<atom:link href="https://portal.example.id/feed/" rel="self"/>
<item><link>https://portal.example.id/a.html?utm_source=rss</link><pubDate>Mon, 03 Nov 2025 10:00:00 +0700</pubDate></item>
<item><link><![CDATA[/b.html?id=1&hal=2]]></link><dc:date>2025-11-02T08:00:00+07:00</dc:date></item>
<item><guid>https://portal.example.id/c.html</guid></item>
<item><guid isPermaLink="false">https://portal.example.id/d.html</guid></item>
<item><guid>98765</guid></item>
<item><link></link></item>
<item><link>https://portal.example.id/a.html</link></item>
</channel></rss>`;
    expect(feedEntries(xml, feedUrl)).toEqual([
      { url: 'https://portal.example.id/a.html', published: 'Mon, 03 Nov 2025 10:00:00 +0700' },
      { url: 'https://portal.example.id/b.html?id=1&hal=2', published: '2025-11-02T08:00:00+07:00' },
      { url: 'https://portal.example.id/c.html', published: null },
    ]);
  });

  it('reads RSS 1.0 (RDF)', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel><link>https://portal.example.id/</link></channel>
<item><link>https://portal.example.id/e.html</link></item></rdf:RDF>`;
    expect(feedEntries(xml, feedUrl)).toEqual([{ url: 'https://portal.example.id/e.html', published: null }]);
  });

  it('reads Atom: the alternate link, published or else updated', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/feed/atom"/>
<entry><link rel="edit" href="/edit/1"/><link href="/f.html"/><published>2025-11-01T00:00:00Z</published><updated>2025-11-05T00:00:00Z</updated></entry>
<entry><link rel="alternate" type="text/html" href="https://portal.example.id/g.html"/><updated>2025-10-31</updated></entry>
<entry><link rel="enclosure" href="/h.mp3"/></entry>
</feed>`;
    expect(feedEntries(xml, feedUrl)).toEqual([
      { url: 'https://portal.example.id/f.html', published: '2025-11-01T00:00:00Z' },
      { url: 'https://portal.example.id/g.html', published: '2025-10-31' },
    ]);
  });

  it('gives nothing for an empty feed and an InputError naming the URL for something else', () => {
    expect(feedEntries('<rss version="2.0"><channel></channel></rss>', feedUrl)).toEqual([]);
    for (const junk of [
      '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>',
      '',
      binaryJunk(4096).toString(),
    ]) {
      expect(() => feedEntries(junk, feedUrl)).toThrow(InputError);
      expect(() => feedEntries(junk, feedUrl)).toThrow(feedUrl);
    }
  });

  it('keeps what it can of a truncated feed', () => {
    const xml =
      '<rss><channel><item><link>https://portal.example.id/a.html</link></item><item><link>https://por';
    expect(feedEntries(xml, feedUrl).map((e) => e.url)).toContain('https://portal.example.id/a.html');
  });
});

describe('sitemapEntries', () => {
  const sitemapUrl = 'https://portal.example.id/sitemap.xml';

  it('reads a urlset, with or without lastmod, deduplicated', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://portal.example.id/a.html?id=1&amp;hal=2</loc><lastmod>2025-11-03</lastmod></url>
<url><loc> https://portal.example.id/b.html </loc></url>
<url><loc></loc></url>
<url><loc>https://portal.example.id/a.html?id=1&amp;hal=2#x</loc></url>
</urlset>`;
    expect(sitemapEntries(xml, sitemapUrl)).toEqual({
      sitemaps: [],
      pages: [
        { url: 'https://portal.example.id/a.html?id=1&hal=2', lastmod: '2025-11-03' },
        { url: 'https://portal.example.id/b.html', lastmod: null },
      ],
    });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://portal.example.id/sitemap-posts-2025.xml</loc><lastmod>2025-11-03</lastmod></sitemap>
<sitemap><loc>https://portal.example.id/sitemap-pages.xml</loc></sitemap></sitemapindex>`;
    expect(sitemapEntries(xml, sitemapUrl)).toEqual({
      sitemaps: [
        'https://portal.example.id/sitemap-posts-2025.xml',
        'https://portal.example.id/sitemap-pages.xml',
      ],
      pages: [],
    });
  });

  it('names the URL of something that is no sitemap', () => {
    for (const junk of ['<html><body>Not Found</body></html>', 'User-agent: *', binaryJunk(4096).toString()])
      expect(() => sitemapEntries(junk, sitemapUrl)).toThrow(
        /^https:\/\/portal\.example\.id\/sitemap\.xml: not a sitemap/,
      );
  });
});
