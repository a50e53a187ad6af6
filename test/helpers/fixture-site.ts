/**
 * A local news site for the crawler's tests and benchmarks: the fixture corpus as article pages and
 * PDF reports, with listings, RSS, sitemaps, robots.txt, conditional GET and gzip, plus hostile
 * endpoints under /hostile/. node:http only, on 127.0.0.1 and a free port. Every request is logged
 * with its arrival time and the body bytes actually written, which is what the crawler tests assert on.
 *
 * Pages (GET and HEAD; other methods 405). All of them carry ETag and Last-Modified, answer
 * If-None-Match / If-Modified-Since with 304 and no body, and are gzipped when Accept-Encoding allows
 * (ETag then weak, W/"…", and Vary: Accept-Encoding); PDFs are never gzipped.
 *   /                          home: the 10 newest articles
 *   /berita/, /berita/?page=N  listing, newest first, 10 a page, rel="next"/"prev" links; page 1
 *                              links /private/draft.html and every hostile endpoint, the last page
 *                              /private/catatan-redaksi.html; a page past the end is 404
 *   /berita/<name>.html        a corpus .txt rendered as a news page, or a corpus .html byte for byte
 *                              with the charset its own <meta> declares
 *   /berita/sintetis-<k>.html  synthetic article k (1…syntheticPages), rendered on first request
 *   /laporan/, /laporan/<name>.pdf   index of the corpus PDFs, and the PDFs
 *   /rss.xml                   RSS 2.0, the 20 newest articles with pubDate
 *   /sitemap.xml               sitemap index → /sitemap-berita.xml: every article and PDF with lastmod
 *   /robots.txt                User-agent: *, Disallow: /private/, Crawl-delay, Sitemap
 *   /tentang, /kontak, /tag/<slug>   chrome pages; tag pages list articles and are not for crawling
 *   /private/, /private/draft.html, /private/catatan-redaksi.html   real pages robots.txt forbids
 *   /berita, /laporan          301 to the path with a slash
 * Hostile (never conditional, never gzipped unless said):
 *   slow-drip          200, one byte every 500 ms (the first at once) until the client hangs up
 *   endless            200 text/html, chunked, 64 KiB writes as fast as the client reads, never ends
 *   huge               200 text/html, chunked (no Content-Length), exactly 50 MiB
 *   redirect-loop      302 → redirect-loop/b, which 302s back (a ring of two)
 *   redirect-self      302 to itself
 *   redirect-chain/N   N redirects, then 200 at redirect-chain/0; N ≤ 50. Hop n answers
 *                      [302, 301, 307, 308, 303][n % 5], Location absolute on odd n, a path on even n
 *   wrong-charset      windows-1252 bytes, header "text/html; charset=utf-8", <meta charset="windows-1252">
 *   no-charset         the same bytes, header "text/html" with no charset
 *   error-500          500 every time
 *   flaky              500, 500, then 200; counted per request target, so ?run=x starts afresh
 *   rate-limited       429 with Retry-After: 2 the first time per request target, 200 after
 *   gzip-bomb          Content-Encoding: gzip whatever was asked, ~1.06 MB (1,061,908 bytes with
 *                      Node 20's zlib) that inflate to 1 GiB of zeros; Content-Length is the compressed size
 *   not-html           64 KiB of binary junk labelled text/html; charset=utf-8
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import {
  buildContent,
  escapeHtml,
  indonesianDate,
  isoDay,
  layout,
  type Resource,
  SITE_NAME,
  TAGS,
} from './fixture-site-content.js';
import {
  binaryJunk,
  DRIP_TEXT,
  fillerChunk,
  gzipBomb,
  STREAM_HEAD,
  windows1252Page,
} from './fixture-site-hostile.js';

export interface FixtureSiteOptions {
  /** Crawl-delay written into robots.txt, seconds (may be fractional, default 1). */
  crawlDelaySeconds?: number;
  /** Synthetic extra article pages (for a 5,000-page benchmark); default 0. */
  syntheticPages?: number;
  /** Port on 127.0.0.1; default 0, a free one. For the CLI, so a person can keep one address. */
  port?: number;
}

export interface SiteRequest {
  /** performance.now() in ms when the request's headers had arrived. */
  at: number;
  method: string;
  /** The request target as sent: path and query. */
  path: string;
  /** 0 until the response head is written (a request still being answered, or dropped). */
  status: number;
  /** Body bytes written, after compression; grows while a streamed body is being sent. */
  bytes: number;
  headers: Record<string, string | undefined>;
  /** "address:port" of the client's socket, so requests on one kept-alive connection can be told apart. */
  remote: string;
}

export interface FixtureSite {
  origin: string;
  requests: SiteRequest[];
  articleUrls: string[];
  pdfUrls: string[];
  disallowedPaths: string[];
  /** Change one article's (or PDF's) body so a re-crawl sees a new ETag/Last-Modified. */
  touch(url: string): void;
  close(): Promise<void>;
}

export const PAGE_SIZE = 10;
export const RSS_ITEMS = 20;
export const HUGE_BYTES = 50 * 1024 * 1024;
export const RETRY_AFTER_SECONDS = 2;
export const FLAKY_FAILURES = 2;
export const DRIP_INTERVAL_MS = 500;
export const MAX_REDIRECT_CHAIN = 50;
const NOT_HTML_BYTES = 64 * 1024;
const STREAM_CHUNK = fillerChunk(64 * 1024);

/** The hostile endpoints, linked from the first listing page and from /hostile/. */
export const HOSTILE_PATHS = [
  '/hostile/slow-drip',
  '/hostile/endless',
  '/hostile/redirect-loop',
  '/hostile/redirect-self',
  '/hostile/redirect-chain/5',
  '/hostile/redirect-chain/6',
  '/hostile/wrong-charset',
  '/hostile/no-charset',
  '/hostile/error-500',
  '/hostile/flaky',
  '/hostile/rate-limited',
  '/hostile/gzip-bomb',
  '/hostile/huge',
  '/hostile/not-html',
];

/** Real pages under the path robots.txt disallows, linked from listing pages. */
const PRIVATE_PATHS = ['/private/', '/private/draft.html', '/private/catatan-redaksi.html'];

/** A body ready to send, with its validators; the gzip form is made on first demand. */
interface Entity {
  body: Buffer;
  etag: string;
  lastModified: Date | null;
  contentType: string;
  compressible: boolean;
  gzipped?: Buffer;
}

function entity(
  body: Buffer | string,
  contentType: string,
  lastModified: Date | null,
  compressible = true,
): Entity {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
  return { body: bytes, etag, lastModified, contentType, compressible };
}

function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** Whether Accept-Encoding lets us send gzip: listed (or covered by "*") with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let star: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = weight;
    else if (coding === '*') star = weight;
  }
  return (gzip ?? star ?? 0) > 0;
}

/** Weak comparison (RFC 9110 §13.1.2): the gzip form's W/ tag still matches the page's. */
function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(etag));
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** One response in progress: writes through here are what the request log counts. */
class Reply {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly rec: SiteRequest,
    private readonly siteClosed: () => boolean,
  ) {}

  get isHead(): boolean {
    return this.req.method === 'HEAD';
  }

  get gone(): boolean {
    return this.res.destroyed || this.res.writableEnded || this.siteClosed();
  }

  head(status: number, headers: Record<string, string | number>): void {
    this.rec.status = status;
    this.res.writeHead(status, headers);
  }

  write(chunk: Buffer): boolean {
    if (this.isHead || this.gone) return true;
    this.rec.bytes += chunk.length;
    return this.res.write(chunk);
  }

  end(chunk?: Buffer): void {
    if (this.res.writableEnded) return;
    if (chunk && !this.isHead && !this.res.destroyed) {
      this.rec.bytes += chunk.length;
      this.res.end(chunk);
    } else this.res.end();
  }

  /** Waits until the socket takes more (or the client has gone), so a stream never buffers unbounded. */
  async drained(wasAccepted: boolean): Promise<void> {
    if (wasAccepted) {
      // A fast client never pushes back; yield anyway so other requests and close() get a turn.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }
}

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const crawlDelay = options.crawlDelaySeconds ?? 1;
  const content = buildContent(Math.max(0, Math.floor(options.syntheticPages ?? 0)));
  // Built before the first request so the endpoint answers at once; cached for the whole process.
  const bomb = gzipBomb();
  const startedAt = wholeSeconds(Date.now());
  const byPath = new Map<string, Resource>();
  for (const r of [...content.articles, ...content.reports]) byPath.set(r.path, r);
  // Newest first, as a news listing is; the path breaks ties so the order is the same on every run.
  const newest = [...content.articles].sort(
    (a, b) => b.published.getTime() - a.published.getTime() || (a.path < b.path ? -1 : 1),
  );
  const pageCount = Math.max(1, Math.ceil(newest.length / PAGE_SIZE));

  const requests: SiteRequest[] = [];
  const counters = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const resourceCache = new WeakMap<Resource, { revision: number; entity: Entity }>();
  // Generated pages (listings, feeds) depend on titles and lastModified: dropped whole on touch.
  const generatedCache = new Map<string, Entity>();
  let closed = false;
  let origin = '';

  const entityOf = (r: Resource): Entity => {
    const cached = resourceCache.get(r);
    if (cached && cached.revision === r.revision) return cached.entity;
    const e = entity(r.render(), r.contentType, r.lastModified, r.compressible);
    resourceCache.set(r, { revision: r.revision, entity: e });
    return e;
  };

  const generated = (key: string, make: () => Entity): Entity => {
    let e = generatedCache.get(key);
    if (!e) {
      e = make();
      generatedCache.set(key, e);
    }
    return e;
  };

  const latest = (items: Resource[]): Date =>
    new Date(Math.max(startedAt.getTime(), ...items.map((r) => r.lastModified.getTime())));

  /** Sends a page with ETag and Last-Modified, answering a matching conditional GET with 304. */
  const sendEntity = (reply: Reply, e: Entity): void => {
    const gzip = e.compressible && acceptsGzip(reply.req.headers['accept-encoding']);
    // nginx's convention: the gzip form is a different representation, so its tag is weak.
    const etag = gzip ? `W/${e.etag}` : e.etag;
    const validators: Record<string, string> = { ETag: etag };
    if (e.lastModified) validators['Last-Modified'] = e.lastModified.toUTCString();
    if (e.compressible) validators.Vary = 'Accept-Encoding';
    const inm = reply.req.headers['if-none-match'];
    const ims = reply.req.headers['if-modified-since'];
    // If-None-Match wins when both are sent (RFC 9110 §13.2.2).
    const notModified =
      inm !== undefined
        ? etagMatches(inm, e.etag)
        : ims !== undefined &&
          e.lastModified !== null &&
          !Number.isNaN(Date.parse(ims)) &&
          e.lastModified.getTime() <= Date.parse(ims);
    if (notModified) {
      reply.head(304, validators);
      reply.end();
      return;
    }
    if (gzip) e.gzipped ??= gzipSync(e.body);
    const body = gzip && e.gzipped ? e.gzipped : e.body;
    reply.head(200, {
      ...validators,
      'Content-Type': e.contentType,
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    reply.end(body);
  };

  const sendPlain = (
    reply: Reply,
    status: number,
    body: Buffer | string,
    headers: Record<string, string | number> = {},
  ): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    reply.head(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': bytes.length,
      ...headers,
    });
    reply.end(bytes);
  };

  const notFound = (reply: Reply): void =>
    sendPlain(
      reply,
      404,
      layout(
        'Halaman tidak ditemukan',
        '<h1>Halaman tidak ditemukan</h1>\n<p>Alamat yang Anda tuju tidak ada. Silakan kembali ke <a href="/berita/">daftar berita</a>.</p>',
      ),
    );

  const redirect = (reply: Reply, status: number, location: string): void =>
    sendPlain(
      reply,
      status,
      `<!DOCTYPE html><html><head><title>Dipindahkan</title></head><body><p>Halaman dipindahkan ke <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p></body></html>`,
      { Location: location },
    );

  const listItem = (r: Resource): string =>
    `<li><a href="${r.path}">${escapeHtml(r.title)}</a> <time datetime="${isoDay(r.published)}">${indonesianDate(r.published)}</time></li>`;

  const listingPage = (page: number): Entity =>
    generated(`listing:${page}`, () => {
      const items = newest.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      const href = (n: number) => (n === 1 ? '/berita/' : `/berita/?page=${n}`);
      const nav = [
        page > 1 ? `<a rel="prev" href="${href(page - 1)}">« Sebelumnya</a>` : '',
        `<span>Halaman ${page} dari ${pageCount}</span>`,
        page < pageCount ? `<a rel="next" href="${href(page + 1)}">Berikutnya »</a>` : '',
      ].filter(Boolean);
      let aside = '';
      if (page === 1) {
        const hostile = HOSTILE_PATHS.map(
          (p) => `<li><a href="${p}">${p.slice('/hostile/'.length)}</a></li>`,
        );
        aside = `<aside class="pilihan-redaksi">
<h2>Pilihan Redaksi</h2>
<ul><li><a href="/private/draft.html">Draf: evaluasi lapangan Zona Integritas (belum terbit)</a></li></ul>
<h2>Arsip Khusus</h2>
<ul>${hostile.join('')}</ul>
</aside>`;
      }
      if (page === pageCount)
        aside += `\n<aside class="catatan"><a href="/private/catatan-redaksi.html">Catatan internal redaksi</a></aside>`;
      const head = page < pageCount ? `<link rel="next" href="${href(page + 1)}">\n` : '';
      return entity(
        layout(
          page === 1 ? 'Berita' : `Berita – halaman ${page}`,
          `<h1>Berita Terbaru</h1>
<ul class="daftar-berita">
${items.map(listItem).join('\n')}
</ul>
<nav class="paginasi">${nav.join(' ')}</nav>
${aside}`,
          head,
        ),
        'text/html; charset=utf-8',
        latest(items),
      );
    });

  const homePage = (): Entity =>
    generated('home', () =>
      entity(
        layout(
          'Beranda',
          `<h1>${SITE_NAME}</h1>
<p>Kabar pembangunan Zona Integritas dari kabupaten dan kota di seluruh Indonesia.</p>
<h2>Terbaru</h2>
<ul class="daftar-berita">
${newest.slice(0, PAGE_SIZE).map(listItem).join('\n')}
</ul>
<p><a href="/berita/">Semua berita</a> · <a href="/laporan/">Laporan dan dokumen</a></p>`,
        ),
        'text/html; charset=utf-8',
        latest(newest.slice(0, PAGE_SIZE)),
      ),
    );

  const reportIndex = (): Entity =>
    generated('laporan', () =>
      entity(
        layout(
          'Laporan',
          `<h1>Laporan dan Dokumen</h1>
<p>Dokumen resmi terkait reformasi birokrasi dan Zona Integritas, dalam format PDF.</p>
<ul class="daftar-laporan">
${content.reports.map((r) => `<li><a href="${r.path}">${escapeHtml(r.title)}</a> (PDF, ${indonesianDate(r.published)})</li>`).join('\n')}
</ul>`,
        ),
        'text/html; charset=utf-8',
        latest(content.reports),
      ),
    );

  const tagPage = (slug: string): Entity | null => {
    const tag = TAGS.find((t) => t.slug === slug);
    if (!tag) return null;
    return generated(`tag:${slug}`, () => {
      const items = newest.filter((r) => tag.match.test(r.title)).slice(0, 30);
      return entity(
        layout(
          `Topik: ${tag.label}`,
          `<h1>Topik: ${escapeHtml(tag.label)}</h1>\n<ul class="daftar-berita">\n${items.map(listItem).join('\n')}\n</ul>`,
        ),
        'text/html; charset=utf-8',
        latest(items),
      );
    });
  };

  const staticPages: Record<string, () => Entity> = {
    '/tentang': () =>
      entity(
        layout(
          'Tentang Kami',
          `<h1>Tentang ${SITE_NAME}</h1>
<p>${SITE_NAME} adalah portal berita tiruan yang dipakai untuk menguji perayap. Isinya mengikuti gaya media daerah yang meliput pencanangan, evaluasi, dan penganugerahan predikat WBK serta WBBM.</p>
<p>Redaksi tidak menerbitkan berita sungguhan; nama lembaga dipakai hanya sebagai latar.</p>`,
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
    '/kontak': () =>
      entity(
        layout(
          'Kontak',
          `<h1>Kontak Redaksi</h1>
<p>Kirim koreksi atau hak jawab melalui surel ke redaksi@warta-integritas.invalid.</p>
<p>Alamat kantor: Jalan Percobaan Nomor 1, lantai dua.</p>`,
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
    '/private/': () =>
      entity(
        layout(
          'Arsip internal',
          `<h1>Arsip Internal Redaksi</h1>
<ul><li><a href="/private/draft.html">Draf evaluasi lapangan</a></li><li><a href="/private/catatan-redaksi.html">Catatan redaksi</a></li></ul>`,
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
    '/private/draft.html': () =>
      entity(
        layout(
          'DRAF Tim Penilai Nasional Tinjau Puskesmas Wonosari',
          `<article class="berita">
<h1>DRAF – Tim Penilai Nasional Tinjau Puskesmas Wonosari</h1>
<div class="byline">Oleh Redaksi ${SITE_NAME} | <time datetime="2025-11-03T03:00:00.000Z">Senin, 3 November 2025 | 10:00 WIB</time></div>
<div class="isi-berita">
<p>GUNUNGKIDUL – Tim Penilai Nasional dari KemenPANRB meninjau Puskesmas Wonosari I dalam rangkaian evaluasi lapangan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK), Senin (3/11).</p>
<p>Berita ini masih draf dan belum boleh diterbitkan: nama narasumber dan angka penilaian menunggu konfirmasi.</p>
</div>
</article>`,
          '<meta name="robots" content="noindex">\n',
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
    '/private/catatan-redaksi.html': () =>
      entity(
        layout(
          'Catatan redaksi',
          `<h1>Catatan Rapat Redaksi</h1>
<p>Jadwal liputan pekan depan: penganugerahan WBK tingkat provinsi dan sosialisasi survei integritas.</p>`,
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
    '/hostile/': () =>
      entity(
        layout(
          'Arsip khusus',
          `<h1>Arsip Khusus</h1>\n<ul>${HOSTILE_PATHS.map((p) => `<li><a href="${p}">${p}</a></li>`).join('')}</ul>`,
        ),
        'text/html; charset=utf-8',
        startedAt,
      ),
  };

  const robots = (): Entity =>
    generated('robots', () =>
      entity(
        `User-agent: *\nDisallow: /private/\nCrawl-delay: ${crawlDelay}\nSitemap: ${origin}/sitemap.xml\n`,
        'text/plain; charset=utf-8',
        startedAt,
      ),
    );

  const w3cDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

  const sitemapIndex = (): Entity =>
    generated('sitemap-index', () => {
      const all = [...content.articles, ...content.reports];
      return entity(
        `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${origin}/sitemap-berita.xml</loc><lastmod>${w3cDate(latest(all))}</lastmod></sitemap>
</sitemapindex>
`,
        'application/xml; charset=utf-8',
        latest(all),
      );
    });

  const sitemap = (): Entity =>
    generated('sitemap-berita', () => {
      const all = [...content.articles, ...content.reports];
      const urls = all.map(
        (r) => `<url><loc>${origin}${r.path}</loc><lastmod>${w3cDate(r.lastModified)}</lastmod></url>`,
      );
      return entity(
        `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`,
        'application/xml; charset=utf-8',
        latest(all),
      );
    });

  const rss = (): Entity =>
    generated('rss', () => {
      const items = newest.slice(0, RSS_ITEMS).map(
        (r) => `<item>
<title>${escapeHtml(r.title)}</title>
<link>${origin}${r.path}</link>
<guid isPermaLink="true">${origin}${r.path}</guid>
<pubDate>${r.published.toUTCString()}</pubDate>
</item>`,
      );
      return entity(
        `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${SITE_NAME}</title>
<link>${origin}/</link>
<description>Berita pembangunan Zona Integritas dari daerah</description>
<language>id</language>
<atom:link href="${origin}/rss.xml" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`,
        'application/rss+xml; charset=utf-8',
        latest(newest.slice(0, RSS_ITEMS)),
      );
    });

  /** Counts requests per request target, for the endpoints that change their answer over time. */
  const bump = (key: string): number => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  const streamBody = async (reply: Reply, total: number | null): Promise<void> => {
    // No Content-Length: the client cannot know the size in advance, as with a runaway CMS page.
    reply.head(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    if (reply.isHead) return reply.end();
    let sent = STREAM_HEAD.length;
    let accepted = reply.write(STREAM_HEAD);
    while (total === null || sent < total) {
      await reply.drained(accepted);
      if (reply.gone) return;
      const n = total === null ? STREAM_CHUNK.length : Math.min(STREAM_CHUNK.length, total - sent);
      accepted = reply.write(n === STREAM_CHUNK.length ? STREAM_CHUNK : STREAM_CHUNK.subarray(0, n));
      sent += n;
    }
    reply.end();
  };

  const slowDrip = (reply: Reply): void => {
    reply.head(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    if (reply.isHead) {
      reply.end();
      return;
    }
    let i = 0;
    const drip = () => {
      if (reply.gone) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      const at = i++ % DRIP_TEXT.length;
      reply.write(DRIP_TEXT.subarray(at, at + 1));
    };
    const timer = setInterval(drip, DRIP_INTERVAL_MS);
    timers.add(timer);
    reply.res.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
    drip();
  };

  const REDIRECT_STATUSES = [302, 301, 307, 308, 303];

  const hostile = async (reply: Reply, name: string, target: string): Promise<void> => {
    const chain = /^redirect-chain\/(\d+)$/.exec(name);
    if (chain) {
      const n = Number(chain[1]);
      if (n > MAX_REDIRECT_CHAIN) return notFound(reply);
      if (n === 0)
        return sendPlain(
          reply,
          200,
          layout(
            'Tujuan pengalihan',
            '<article><h1>Ujung Rangkaian Pengalihan</h1><p>Perayap yang sampai di sini telah mengikuti semua pengalihan.</p></article>',
          ),
        );
      const next = `/hostile/redirect-chain/${n - 1}`;
      // Odd hops give an absolute URL, even hops a path, so both forms of Location are exercised.
      return redirect(reply, REDIRECT_STATUSES[n % 5] ?? 302, n % 2 === 1 ? `${origin}${next}` : next);
    }
    switch (name) {
      case 'slow-drip':
        return slowDrip(reply);
      case 'endless':
        return streamBody(reply, null);
      case 'huge':
        return streamBody(reply, HUGE_BYTES);
      case 'redirect-loop':
        return redirect(reply, 302, '/hostile/redirect-loop/b');
      case 'redirect-loop/b':
        return redirect(reply, 302, `${origin}/hostile/redirect-loop`);
      case 'redirect-self':
        return redirect(reply, 302, '/hostile/redirect-self');
      case 'wrong-charset':
        return sendPlain(reply, 200, windows1252Page('Header bilang UTF-8'), {
          'Content-Type': 'text/html; charset=utf-8',
        });
      case 'no-charset':
        return sendPlain(reply, 200, windows1252Page('Header tanpa charset'), {
          'Content-Type': 'text/html',
        });
      case 'error-500':
        return sendPlain(reply, 500, '<h1>500 Kesalahan Server</h1><p>Terjadi kesalahan pada server.</p>');
      case 'flaky':
        return bump(target) <= FLAKY_FAILURES
          ? sendPlain(reply, 500, '<h1>500 Kesalahan Server</h1><p>Coba lagi sebentar.</p>')
          : sendPlain(
              reply,
              200,
              layout('Berhasil', '<p>Halaman ini gagal dua kali sebelum akhirnya berhasil dimuat.</p>'),
            );
      case 'rate-limited':
        return bump(target) === 1
          ? sendPlain(reply, 429, '<h1>429 Terlalu Banyak Permintaan</h1>', {
              'Retry-After': String(RETRY_AFTER_SECONDS),
            })
          : sendPlain(reply, 200, layout('Berhasil', '<p>Terima kasih telah menunggu.</p>'));
      case 'gzip-bomb':
        // Sent gzipped whatever the client accepts: that is what makes it hostile.
        reply.head(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Encoding': 'gzip',
          'Content-Length': bomb.length,
        });
        return reply.end(bomb);
      case 'not-html':
        return sendPlain(reply, 200, binaryJunk(NOT_HTML_BYTES), {
          'Content-Type': 'text/html; charset=utf-8',
        });
      default:
        return notFound(reply);
    }
  };

  const route = async (reply: Reply, url: URL): Promise<void> => {
    const path = url.pathname;
    const target = `${url.pathname}${url.search}`;
    if (path === '/') return sendEntity(reply, homePage());
    if (path === '/robots.txt') return sendEntity(reply, robots());
    if (path === '/rss.xml') return sendEntity(reply, rss());
    if (path === '/sitemap.xml') return sendEntity(reply, sitemapIndex());
    if (path === '/sitemap-berita.xml') return sendEntity(reply, sitemap());
    if (path === '/berita' || path === '/laporan') return redirect(reply, 301, `${path}/`);
    if (path === '/berita/') {
      const raw = url.searchParams.get('page') ?? '1';
      const page = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(page >= 1 && page <= pageCount)) return notFound(reply);
      return sendEntity(reply, listingPage(page));
    }
    if (path === '/laporan/') return sendEntity(reply, reportIndex());
    const resource = byPath.get(path);
    if (resource) return sendEntity(reply, entityOf(resource));
    const page = staticPages[path];
    if (page) return sendEntity(reply, generated(path, page));
    if (path.startsWith('/tag/')) {
      const e = tagPage(path.slice('/tag/'.length));
      return e ? sendEntity(reply, e) : notFound(reply);
    }
    if (path.startsWith('/hostile/')) return hostile(reply, path.slice('/hostile/'.length), target);
    return notFound(reply);
  };

  const server = createServer((req, res) => {
    const rec: SiteRequest = {
      at: performance.now(),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      bytes: 0,
      headers: flattenHeaders(req.headers),
      remote: `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? ''}`,
    };
    requests.push(rec);
    // A client that hangs up mid-body is expected here (size caps, timeouts); nothing to report.
    res.on('error', () => {});
    req.on('error', () => {});
    const reply = new Reply(req, res, rec, () => closed);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPlain(reply, 405, '<h1>405 Metode tidak diizinkan</h1>', { Allow: 'GET, HEAD' });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendPlain(reply, 400, '<h1>400 Permintaan tidak sah</h1>');
      return;
    }
    route(reply, url).catch((err: unknown) => {
      if (!res.headersSent) sendPlain(reply, 500, `<pre>${escapeHtml(String(err))}</pre>`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    requests,
    articleUrls: content.articles.map((r) => `${origin}${r.path}`),
    pdfUrls: content.reports.map((r) => `${origin}${r.path}`),
    disallowedPaths: [...PRIVATE_PATHS],
    touch(url: string): void {
      const path = new URL(url, origin).pathname;
      const r = byPath.get(path);
      if (!r) throw new Error(`touch: ${url} is not an article or report of this site`);
      r.revision += 1;
      // A second touch within the same second must still move Last-Modified forward.
      r.lastModified = new Date(
        Math.max(wholeSeconds(Date.now()).getTime(), r.lastModified.getTime() + 1000),
      );
      generatedCache.clear();
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const t of timers) clearInterval(t);
        timers.clear();
        server.close(() => resolve());
        // Streams that never end (slow drip, endless) would keep close() waiting forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
