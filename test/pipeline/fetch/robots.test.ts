import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../../pipeline/fetch/http-fetch.js';
import { parseRobots, robotsPolicyFor, robotsUrlOf } from '../../../pipeline/fetch/robots.js';
import { type FixtureSite, startFixtureSite } from '../../helpers/fixture-site.js';

const UA = 'zi-timeline';

describe('robots.txt of the fixture site', () => {
  let site: FixtureSite;
  let robotsUrl: string;
  let text: string;
  beforeAll(async () => {
    site = await startFixtureSite({ crawlDelaySeconds: 1.5 });
    robotsUrl = robotsUrlOf(`${site.origin}/berita/?page=2#atas`);
    const result = await fetchUrl(robotsUrl, {
      userAgent: `${UA}/0.1`,
      allowAddress: (ip) => ip === '127.0.0.1',
    });
    if (result.kind !== 'fetched') throw new Error('robots.txt: expected a body');
    text = Buffer.from(result.body).toString('utf8');
  });
  afterAll(() => site.close());

  it('lives at the root of the origin', () => {
    expect(robotsUrl).toBe(`${site.origin}/robots.txt`);
  });

  it('disallows /private/ and allows the rest, for any user agent spelling', () => {
    const policy = robotsPolicyFor(robotsUrl, 200, text);
    expect(policy.basis).toBe('parsed');
    for (const path of site.disallowedPaths) {
      expect(policy.isAllowed(`${site.origin}${path}`, UA)).toBe(false);
      expect(policy.isAllowed(`${site.origin}${path}`, 'ZI-Timeline/0.1')).toBe(false);
    }
    for (const url of [`${site.origin}/`, `${site.origin}/berita/?page=2`, ...site.articleUrls.slice(0, 5)])
      expect(policy.isAllowed(url, UA)).toBe(true);
    expect(policy.isAllowed(`${site.origin}/privatekey`, UA)).toBe(true);
  });

  it('gives the crawl delay and the sitemap', () => {
    const policy = parseRobots(robotsUrl, text);
    expect(policy.crawlDelaySeconds(UA)).toBe(1.5);
    expect(policy.sitemaps).toEqual([`${site.origin}/sitemap.xml`]);
  });

  it('refuses to judge a URL of another origin', () => {
    const policy = parseRobots(robotsUrl, text);
    expect(() => policy.isAllowed('http://example.id/private/', UA)).toThrow(/not governed by/);
    expect(() => robotsPolicyFor(robotsUrl, 404).isAllowed('http://example.id/', UA)).toThrow(
      /not governed by/,
    );
  });
});

describe('parseRobots', () => {
  const robotsUrl = 'https://berita.example.id/robots.txt';
  const url = (path: string) => `https://berita.example.id${path}`;

  it('follows the group for our product token over the * group', () => {
    const policy = parseRobots(
      robotsUrl,
      [
        'User-agent: *',
        'Disallow: /',
        'Crawl-delay: 10',
        '',
        'User-agent: ZI-Timeline',
        'Disallow: /cari',
        'Allow: /cari/arsip',
        'Crawl-delay: 2',
      ].join('\n'),
    );
    expect(policy.isAllowed(url('/berita/a.html'), UA)).toBe(true);
    expect(policy.isAllowed(url('/cari?q=wbk'), UA)).toBe(false);
    expect(policy.isAllowed(url('/cari/arsip/2024'), UA)).toBe(true);
    expect(policy.crawlDelaySeconds(UA)).toBe(2);
    expect(policy.isAllowed(url('/berita/a.html'), 'otherbot')).toBe(false);
    expect(policy.crawlDelaySeconds('otherbot')).toBe(10);
  });

  it('matches wildcards and $ as RFC 9309 does', () => {
    const policy = parseRobots(robotsUrl, 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n');
    expect(policy.isAllowed(url('/laporan/lhkpn.pdf'), UA)).toBe(false);
    expect(policy.isAllowed(url('/laporan/lhkpn.pdf?v=2'), UA)).toBe(true);
    expect(policy.isAllowed(url('/berita/a.html?print=1'), UA)).toBe(false);
  });

  it('reads a file that starts with a byte-order mark', () => {
    const policy = parseRobots(robotsUrl, '\uFEFFUser-agent: *\r\nDisallow: /admin/\r\n');
    expect(policy.isAllowed(url('/admin/login'), UA)).toBe(false);
  });

  it('always allows robots.txt itself', () => {
    expect(parseRobots(robotsUrl, 'User-agent: *\nDisallow: /\n').isAllowed(robotsUrl, UA)).toBe(true);
  });

  it('has no crawl delay when none or a bad one is given, and resolves relative sitemaps', () => {
    const policy = parseRobots(robotsUrl, 'User-agent: *\nCrawl-delay: soon\nSitemap: /sitemap_index.xml\n');
    expect(policy.crawlDelaySeconds(UA)).toBeNull();
    expect(policy.sitemaps).toEqual([url('/sitemap_index.xml')]);
  });

  it('treats garbage as no rules at all', () => {
    const policy = parseRobots(robotsUrl, '<html><body>Halaman tidak ditemukan</body></html>\u0000\u0001');
    expect(policy.isAllowed(url('/berita/'), UA)).toBe(true);
    expect(policy.sitemaps).toEqual([]);
  });
});

describe('robotsPolicyFor (RFC 9309 §2.3.1)', () => {
  const robotsUrl = 'http://pemkab.example.id/robots.txt';
  const page = 'http://pemkab.example.id/berita/zona-integritas.html';

  it.each([
    [200, 'parsed', false],
    [404, 'allow-all', true],
    [401, 'allow-all', true],
    [403, 'allow-all', true],
    [410, 'allow-all', true],
    [302, 'allow-all', true],
    [429, 'disallow-all', false],
    [500, 'disallow-all', false],
    [503, 'disallow-all', false],
    [null, 'disallow-all', false],
  ] as const)('status %s → %s', (status, basis, allowed) => {
    const policy = robotsPolicyFor(robotsUrl, status, 'User-agent: *\nDisallow: /berita/\n');
    expect(policy.basis).toBe(basis);
    expect(policy.isAllowed(page, UA)).toBe(allowed);
    // Fetching robots.txt itself is never what a policy forbids.
    expect(policy.isAllowed(robotsUrl, UA)).toBe(true);
  });
});

describe('robotsUrlOf', () => {
  it.each([
    ['https://Berita.Example.ID:443/a/b?c=1#d', 'https://berita.example.id/robots.txt'],
    ['http://berita.example.id:8080/a', 'http://berita.example.id:8080/robots.txt'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000/robots.txt'],
  ])('%s → %s', (url, expected) => {
    expect(robotsUrlOf(url)).toBe(expected);
  });

  it('names a URL that has no robots.txt', () => {
    expect(() => robotsUrlOf('mailto:redaksi@example.id')).toThrow(/mailto:redaksi@example\.id/);
  });
});
