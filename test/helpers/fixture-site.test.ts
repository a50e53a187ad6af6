import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  type FixtureSite,
  type FixtureSiteOptions,
  HOSTILE_PATHS,
  HUGE_BYTES,
  PAGE_SIZE,
  RSS_ITEMS,
  startFixtureSite,
} from './fixture-site.js';
import { CORPUS_DIR } from './fixture-site-content.js';
import { BOMB_INFLATED_BYTES } from './fixture-site-hostile.js';

async function withSite(
  options: FixtureSiteOptions,
  run: (site: FixtureSite) => Promise<void>,
): Promise<void> {
  const site = await startFixtureSite(options);
  try {
    await run(site);
  } finally {
    await site.close();
  }
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * node:http, not fetch: fetch decompresses and follows redirects by itself, and these tests look at
 * what is on the wire. `maxBytes` hangs up once that much body has come, as a size cap would.
 */
function raw(
  url: string,
  headers: Record<string, string> = {},
  opts: { maxBytes?: number; method?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, method: opts.method ?? 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (opts.maxBytes !== undefined && size >= opts.maxBytes) {
          req.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', () => {});
    });
    req.on('error', (err) => {
      if (!req.destroyed || opts.maxBytes === undefined) reject(err);
    });
    req.end();
  });
}

function links(html: string): string[] {
  const $ = cheerio.load(html);
  return $('a[href]')
    .toArray()
    .map((a) => $(a).attr('href') ?? '');
}

const pathOf = (url: string) => new URL(url).pathname;

describe('fixture site', () => {
  it('robots.txt disallows /private/, gives the crawl delay and points at the sitemap', async () => {
    await withSite({}, async (site) => {
      const res = await fetch(`${site.origin}/robots.txt`);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe(
        `User-agent: *\nDisallow: /private/\nCrawl-delay: 1\nSitemap: ${site.origin}/sitemap.xml\n`,
      );
      for (const path of site.disallowedPaths) {
        expect(path.startsWith('/private/')).toBe(true);
        expect((await fetch(`${site.origin}${path}`)).status).toBe(200);
      }
    });
    await withSite({ crawlDelaySeconds: 0.25 }, async (site) => {
      expect(await (await fetch(`${site.origin}/robots.txt`)).text()).toContain('Crawl-delay: 0.25\n');
    });
  });

  it('the listing pages, followed by their next links, reach every article', async () => {
    await withSite({}, async (site) => {
      const found = new Set<string>();
      const all = new Set<string>();
      let next: string | undefined = `${site.origin}/berita/`;
      let pages = 0;
      while (next) {
        const html = await (await fetch(next)).text();
        pages++;
        const $ = cheerio.load(html);
        const onPage = $('ul.daftar-berita a')
          .toArray()
          .map((a) => $(a).attr('href') ?? '');
        expect(onPage.length).toBeLessThanOrEqual(PAGE_SIZE);
        for (const href of onPage) found.add(href);
        for (const href of links(html)) all.add(href);
        const rel = $('a[rel="next"]').attr('href');
        next = rel ? new URL(rel, next).href : undefined;
      }
      expect(pages).toBe(Math.ceil(site.articleUrls.length / PAGE_SIZE));
      expect([...found].sort()).toEqual(site.articleUrls.map(pathOf).sort());
      // What a crawler that ignores robots.txt or its own link patterns would go on to fetch.
      expect(all).toContain('/private/draft.html');
      expect(all).toContain('/private/catatan-redaksi.html');
      for (const path of HOSTILE_PATHS) expect(all).toContain(path);
      for (const path of ['/tentang', '/kontak', '/tag/wbk', '/laporan/', '/rss.xml'])
        expect(all).toContain(path);
      expect((await fetch(`${site.origin}/berita/?page=${pages + 1}`)).status).toBe(404);
    });
  });

  it('serves .txt articles as news pages and .html fixtures byte for byte with their own charset', async () => {
    await withSite({}, async (site) => {
      const txtUrl = site.articleUrls.find((u) => u.includes('/001_'));
      const meta = site.articleUrls.find((u) => u.includes('/027_'));
      expect(txtUrl && meta).toBeTruthy();
      const $ = cheerio.load(await (await fetch(txtUrl ?? '')).text());
      const txt = readFileSync(join(CORPUS_DIR, '001_lumajang-desk-evaluasi-puskesmas.txt'), 'utf8');
      expect($('h1').text()).toBe(txt.split('\n')[0]);
      expect($('article p').length).toBeGreaterThan(3);
      expect($('.byline time').length).toBe(0);
      // 027's sidecar gives a publication date, so its byline shows it.
      const $027 = cheerio.load(await (await fetch(meta ?? '')).text());
      expect($027('.byline time').attr('datetime')).toMatch(/^2023-12-14/);

      for (const [name, charset] of [
        ['013_banyuwangi-desk-evaluasi-dua-puskesmas', 'utf-8'],
        ['016_kota-bogor-penilaian-tpi-tiga-unit-kerja', 'windows-1252'],
        ['020_bangka-barat-usulkan-empat-unit-kerja-wbk', 'iso-8859-1'],
      ]) {
        const res = await fetch(`${site.origin}/berita/${name}.html`);
        expect(res.headers.get('content-type')).toBe(`text/html; charset=${charset}`);
        const body = Buffer.from(await res.arrayBuffer());
        expect(body.equals(readFileSync(join(CORPUS_DIR, `${name}.html`)))).toBe(true);
      }

      const index = await (await fetch(`${site.origin}/laporan/`)).text();
      expect(
        links(index)
          .filter((h) => h.endsWith('.pdf'))
          .sort(),
      ).toEqual(site.pdfUrls.map(pathOf).sort());
      const pdfUrl = site.pdfUrls[0] ?? '';
      const pdf = await fetch(pdfUrl);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-encoding')).toBeNull();
      const file = join(CORPUS_DIR, pathOf(pdfUrl).slice('/laporan/'.length));
      expect(Buffer.from(await pdf.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    });
  });

  it('the sitemap index leads to every article and PDF, each with a lastmod', async () => {
    await withSite({}, async (site) => {
      const index = cheerio.load(await (await fetch(`${site.origin}/sitemap.xml`)).text(), { xml: true });
      const sitemaps = index('sitemapindex > sitemap > loc')
        .toArray()
        .map((el) => index(el).text());
      expect(sitemaps).toEqual([`${site.origin}/sitemap-berita.xml`]);
      const $ = cheerio.load(await (await fetch(sitemaps[0] ?? '')).text(), { xml: true });
      const urls = $('urlset > url').toArray();
      const locs = urls.map((u) => $(u).find('loc').text());
      expect(locs.sort()).toEqual([...site.articleUrls, ...site.pdfUrls].sort());
      for (const u of urls) expect(Number.isNaN(Date.parse($(u).find('lastmod').text()))).toBe(false);
    });
  });

  it('the RSS feed parses and lists the newest articles with their dates', async () => {
    await withSite({}, async (site) => {
      const res = await fetch(`${site.origin}/rss.xml`);
      expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const $ = cheerio.load(await res.text(), { xml: true });
      expect($('rss').attr('version')).toBe('2.0');
      const items = $('channel > item').toArray();
      expect(items.length).toBe(RSS_ITEMS);
      const dates = items.map((i) => Date.parse($(i).find('pubDate').text()));
      for (const d of dates) expect(Number.isNaN(d)).toBe(false);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      for (const i of items) {
        expect(site.articleUrls).toContain($(i).find('link').text());
        expect($(i).find('title').text().length).toBeGreaterThan(10);
      }
    });
  });

  it('answers a conditional GET with 304 and no body, by ETag or by date', async () => {
    await withSite({}, async (site) => {
      const url = site.articleUrls[5] ?? '';
      const first = await raw(url);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      expect(first.status).toBe(200);
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

      const byTag = await raw(url, { 'If-None-Match': etag });
      expect(byTag.status).toBe(304);
      expect(byTag.body.length).toBe(0);
      expect(byTag.headers.etag).toBe(etag);
      expect((await raw(url, { 'If-Modified-Since': lastModified })).status).toBe(304);
      expect((await raw(url, { 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(200);
      // If-None-Match decides when both are sent.
      expect((await raw(url, { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified })).status).toBe(
        200,
      );
      // Listings and feeds are conditional too, so a re-crawl costs little.
      const rss = await raw(`${site.origin}/rss.xml`);
      expect(
        (await raw(`${site.origin}/rss.xml`, { 'If-None-Match': String(rss.headers.etag) })).status,
      ).toBe(304);

      const logged = site.requests.filter((r) => r.status === 304);
      expect(logged.length).toBe(3);
      for (const r of logged) expect(r.bytes).toBe(0);
    });
  });

  it('gzips pages when Accept-Encoding allows it and logs the compressed size', async () => {
    await withSite({}, async (site) => {
      const url = site.articleUrls[0] ?? '';
      const plain = await raw(url);
      const zipped = await raw(url, { 'Accept-Encoding': 'br, gzip;q=0.8' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
      expect(zipped.headers.etag).toBe(`W/${plain.headers.etag}`);
      expect(
        (await raw(url, { 'Accept-Encoding': 'gzip;q=0, deflate' })).headers['content-encoding'],
      ).toBeUndefined();
      // The weak tag of the gzip form validates either form.
      const again = await raw(url, {
        'Accept-Encoding': 'gzip',
        'If-None-Match': String(zipped.headers.etag),
      });
      expect(again.status).toBe(304);
      const logged = site.requests.filter((r) => r.path === pathOf(url));
      expect(logged.map((r) => r.bytes)).toEqual([
        plain.body.length,
        zipped.body.length,
        plain.body.length,
        0,
      ]);
    });
  });

  it('touch gives a page new bytes, a new ETag and a later Last-Modified', async () => {
    await withSite({ syntheticPages: 2 }, async (site) => {
      for (const url of [site.articleUrls[0], site.articleUrls[20], site.articleUrls.at(-1)]) {
        const before = await raw(url ?? '');
        site.touch(url ?? '');
        const after = await raw(url ?? '', { 'If-None-Match': String(before.headers.etag) });
        expect(after.status).toBe(200);
        expect(after.headers.etag).not.toBe(before.headers.etag);
        expect(Date.parse(String(after.headers['last-modified']))).toBeGreaterThan(
          Date.parse(String(before.headers['last-modified'])),
        );
        expect(after.body.toString('latin1')).toContain('Pembaruan redaksi ke-1');
        site.touch(url ?? '');
        const twice = await raw(url ?? '');
        expect(twice.headers.etag).not.toBe(after.headers.etag);
        expect(Date.parse(String(twice.headers['last-modified']))).toBeGreaterThan(
          Date.parse(String(after.headers['last-modified'])),
        );
      }
      const sitemap = await (await fetch(`${site.origin}/sitemap-berita.xml`)).text();
      expect(sitemap).toContain(`<loc>${site.articleUrls[0]}</loc><lastmod>${new Date().getUTCFullYear()}`);
      expect(() => site.touch('/berita/tidak-ada.html')).toThrow(/not an article/);
    });
  });

  it('a redirect chain of N takes N hops to a real page; loops never end', async () => {
    await withSite({}, async (site) => {
      /** Follows Location by hand up to `cap` redirects; null when the cap is exceeded. */
      const follow = async (start: string, cap: number) => {
        let url = start;
        for (let hops = 0; ; hops++) {
          const res = await raw(url);
          if (res.status < 300 || res.status >= 400) return { hops, status: res.status, url };
          if (hops === cap) return null;
          expect([301, 302, 303, 307, 308]).toContain(res.status);
          url = new URL(String(res.headers.location), url).href;
        }
      };
      const five = await follow(`${site.origin}/hostile/redirect-chain/5`, 5);
      expect(five).toEqual({ hops: 5, status: 200, url: `${site.origin}/hostile/redirect-chain/0` });
      expect(await follow(`${site.origin}/hostile/redirect-chain/6`, 5)).toBeNull();
      expect((await follow(`${site.origin}/hostile/redirect-chain/6`, 6))?.hops).toBe(6);
      expect(await follow(`${site.origin}/hostile/redirect-loop`, 20)).toBeNull();
      expect(await follow(`${site.origin}/hostile/redirect-self`, 20)).toBeNull();
      const loop = await raw(`${site.origin}/hostile/redirect-loop`);
      const back = await raw(new URL(String(loop.headers.location), site.origin).href);
      expect(pathOf(new URL(String(back.headers.location), site.origin).href)).toBe('/hostile/redirect-loop');
      // Both forms of Location occur: an absolute URL on odd hops, a path on even ones.
      const odd = await raw(`${site.origin}/hostile/redirect-chain/3`);
      const even = await raw(`${site.origin}/hostile/redirect-chain/2`);
      expect(odd.headers.location).toBe(`${site.origin}/hostile/redirect-chain/2`);
      expect(even.headers.location).toBe('/hostile/redirect-chain/1');
      // fetch gives up after 20 redirects, as its spec says.
      await expect(fetch(`${site.origin}/hostile/redirect-loop`)).rejects.toThrow();
    });
  });

  it('rate-limited answers 429 with Retry-After once, flaky fails twice; each path counts alone', async () => {
    await withSite({}, async (site) => {
      const limited = await raw(`${site.origin}/hostile/rate-limited`);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('2');
      expect((await raw(`${site.origin}/hostile/rate-limited`)).status).toBe(200);
      expect((await raw(`${site.origin}/hostile/rate-limited?run=2`)).status).toBe(429);

      const flaky = [];
      for (let i = 0; i < 4; i++) flaky.push((await raw(`${site.origin}/hostile/flaky`)).status);
      expect(flaky).toEqual([500, 500, 200, 200]);
      expect((await raw(`${site.origin}/hostile/flaky?run=2`)).status).toBe(500);
      expect((await raw(`${site.origin}/hostile/error-500`)).status).toBe(500);
      expect((await raw(`${site.origin}/hostile/error-500`)).status).toBe(500);
    });
  });

  it('the gzip bomb is about 1 MB on the wire and 1 GiB inflated', async () => {
    await withSite({}, async (site) => {
      const res = await raw(`${site.origin}/hostile/gzip-bomb`);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const length = Number(res.headers['content-length']);
      expect(res.body.length).toBe(length);
      expect(length).toBeGreaterThan(900_000);
      expect(length).toBeLessThan(1_200_000);
      // The gzip trailer's ISIZE: the inflated length modulo 2^32.
      expect(res.body.readUInt32LE(res.body.length - 4)).toBe(BOMB_INFLATED_BYTES % 2 ** 32);
      expect(() => gunzipSync(res.body, { maxOutputLength: 16 * 1024 * 1024 })).toThrow(RangeError);
      expect(site.requests.at(-1)?.bytes).toBe(length);
    });
  });

  it('the slow drip sends its first byte promptly and stops when the client hangs up', async () => {
    await withSite({}, async (site) => {
      const started = performance.now();
      const res = await raw(`${site.origin}/hostile/slow-drip`, {}, { maxBytes: 1 });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(1);
      expect(performance.now() - started).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const logged = site.requests.find((r) => r.path === '/hostile/slow-drip');
      expect(logged?.status).toBe(200);
      // One byte at once; none after the hang-up (at most one in flight as it happened).
      expect(logged?.bytes).toBeLessThanOrEqual(2);
    });
  });

  it('endless never ends, huge is 50 MiB without Content-Length', async () => {
    await withSite({}, async (site) => {
      const endless = await raw(`${site.origin}/hostile/endless`, {}, { maxBytes: 4 * 1024 * 1024 });
      expect(endless.headers['content-length']).toBeUndefined();
      expect(endless.body.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
      const huge = await raw(`${site.origin}/hostile/huge`);
      expect(huge.headers['content-length']).toBeUndefined();
      expect(huge.headers['transfer-encoding']).toBe('chunked');
      expect(huge.body.length).toBe(HUGE_BYTES);
      expect(site.requests.find((r) => r.path === '/hostile/huge')?.bytes).toBe(HUGE_BYTES);
    });
  });

  it('wrong-charset says utf-8 in the header and windows-1252 in the page; not-html is binary', async () => {
    await withSite({}, async (site) => {
      const wrong = await raw(`${site.origin}/hostile/wrong-charset`);
      expect(wrong.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(wrong.body)).toThrow();
      const text = iconv.decode(wrong.body, 'windows-1252');
      expect(text).toContain('<meta charset="windows-1252">');
      expect(text).toContain('“Kami sudah menyiapkan bukti dukung');
      const none = await raw(`${site.origin}/hostile/no-charset`);
      expect(none.headers['content-type']).toBe('text/html');
      expect(iconv.decode(none.body, 'windows-1252')).toContain('‘pengaduan cepat’');

      const junk = await raw(`${site.origin}/hostile/not-html`);
      expect(junk.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(junk.body.includes(0)).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(junk.body)).toThrow();
    });
  });

  it('logs every request in arrival order with method, status, bytes, headers and remote', async () => {
    await withSite({}, async (site) => {
      await raw(`${site.origin}/berita/`, { 'User-Agent': 'zi-test/1' });
      await raw(`${site.origin}/berita/`, {}, { method: 'HEAD' });
      await raw(`${site.origin}/tidak-ada`);
      await raw(`${site.origin}/berita/`, {}, { method: 'POST' });
      await new Promise<void>((resolve) =>
        get(`${site.origin}/berita`, (res) => {
          res.resume();
          resolve();
        }),
      );
      expect(site.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['GET', '/berita/', 200],
        ['HEAD', '/berita/', 200],
        ['GET', '/tidak-ada', 404],
        ['POST', '/berita/', 405],
        ['GET', '/berita', 301],
      ]);
      const [getReq, head] = site.requests;
      expect(getReq?.headers['user-agent']).toBe('zi-test/1');
      expect(getReq?.bytes).toBeGreaterThan(1000);
      expect(head?.bytes).toBe(0);
      expect(getReq?.remote).toMatch(/^127\.0\.0\.1:\d+$/);
      const times = site.requests.map((r) => r.at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });
  });

  it('with 5,000 synthetic pages it starts quickly and lists every page', async () => {
    const started = performance.now();
    await withSite({ syntheticPages: 5000 }, async (site) => {
      expect(performance.now() - started).toBeLessThan(10_000);
      const synthetic = site.articleUrls.filter((u) => u.includes('/berita/sintetis-'));
      expect(synthetic.length).toBe(5000);
      const listed = new Set<string>();
      const pages = Math.ceil(site.articleUrls.length / PAGE_SIZE);
      for (let page = 1; page <= pages; page++) {
        const $ = cheerio.load(await (await fetch(`${site.origin}/berita/?page=${page}`)).text());
        for (const a of $('ul.daftar-berita a').toArray()) listed.add(`${site.origin}${$(a).attr('href')}`);
      }
      expect(listed.size).toBe(site.articleUrls.length);
      const sitemap = await (await fetch(`${site.origin}/sitemap-berita.xml`)).text();
      expect(sitemap.match(/<url>/g)?.length).toBe(site.articleUrls.length + site.pdfUrls.length);
      // Variations of one base article still differ in their bytes and their text.
      const bodies = await Promise.all(
        [1, 29, 57, 4999].map(async (k) => (await fetch(`${site.origin}/berita/sintetis-${k}.html`)).text()),
      );
      expect(new Set(bodies).size).toBe(4);
      for (const body of bodies) expect(cheerio.load(body)('article p').length).toBeGreaterThan(3);
    });
  });
});
