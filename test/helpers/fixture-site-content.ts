/**
 * What the fixture news site serves: the project's fixture corpus turned into article pages and PDF
 * reports, synthetic variations of the plain-text articles, and the site's own generated pages. The
 * server (fixture-site.ts) only routes and speaks HTTP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const SITE_NAME = 'Warta Integritas';

/** One article page or PDF report. `revision` goes up on every `touch`. */
export interface Resource {
  path: string;
  title: string;
  published: Date;
  /** Whole seconds, because that is all an HTTP date can carry. */
  lastModified: Date;
  contentType: string;
  /** PDFs are compressed already; gzipping them again only costs time. */
  compressible: boolean;
  kind: 'article' | 'report';
  revision: number;
  render(): Buffer;
}

interface TxtSource {
  name: string;
  headline: string;
  /** Text blocks after the headline; the first may hold a dateline under the headline. */
  lead: string[];
  paragraphs: string[];
  published: Date;
  /** From the sidecar only: the brief's byline shows a date only where the sidecar gives one. */
  bylineDate: Date | null;
  regency: string | null;
  unit: string | null;
}

interface HtmlSource {
  name: string;
  bytes: Buffer;
  charset: string | null;
  title: string;
  published: Date;
}

interface PdfSource {
  name: string;
  bytes: Buffer;
  title: string;
  published: Date;
}

interface Corpus {
  txt: TxtSource[];
  html: HtmlSource[];
  pdf: PdfSource[];
}

let corpusCache: Corpus | undefined;

/** The corpus is read once per process: several sites in one test file share the same bytes. */
export function loadCorpus(): Corpus {
  corpusCache ??= readCorpus(CORPUS_DIR);
  return corpusCache;
}

interface Sidecars {
  metaUrl: string | null;
  metaPublished: string | null;
  goldPublished: string | null;
  regency: string | null;
  unit: string | null;
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function sidecars(dir: string, name: string): Sidecars {
  const meta = readJson(join(dir, `${name}.meta.json`));
  const gold = readJson(join(dir, `${name}.gold.json`));
  const regencies = Array.isArray(gold?.regencies) ? (gold.regencies as unknown[]) : [];
  const regency = typeof regencies[0] === 'string' ? regencies[0] : null;
  const units = Array.isArray(gold?.units) ? (gold.units as { name?: unknown; regency?: unknown }[]) : [];
  const unit = units.find((u) => typeof u.name === 'string' && u.regency === regency)?.name;
  return {
    metaUrl: typeof meta?.url === 'string' ? meta.url : null,
    metaPublished: typeof meta?.published === 'string' ? meta.published : null,
    goldPublished: typeof gold?.published === 'string' ? gold.published : null,
    regency,
    unit: typeof unit === 'string' ? unit : null,
  };
}

/** 10:00 WIB, the hour a regional desk typically publishes; keeps dates on the same calendar day in UTC. */
function dayAt10Wib(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 3, 0, 0));
}

function partialDate(s: string | null): Date | null {
  const m = s ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s) : null;
  if (!m) return null;
  return dayAt10Wib(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
}

function dateInUrl(url: string | null): Date | null {
  const m = url ? /\/(20\d{2})\/(\d{2})(?:\/(\d{2}))?\//.exec(url) : null;
  if (!m) return null;
  return dayAt10Wib(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
}

/**
 * Every page needs a date for Last-Modified, the RSS feed and the listing order, even the few
 * documents that state none; those get a fixed date derived from their number so runs agree.
 */
function publishedOf(name: string, s: Sidecars): Date {
  const number = Number.parseInt(name, 10) || 0;
  return (
    partialDate(s.metaPublished) ??
    partialDate(s.goldPublished) ??
    dateInUrl(s.metaUrl) ??
    dayAt10Wib(2024, 1, 1 + ((number * 5) % 300))
  );
}

function readCorpus(dir: string): Corpus {
  const files = readdirSync(dir).sort();
  const corpus: Corpus = { txt: [], html: [], pdf: [] };
  for (const file of files) {
    const ext = /\.(txt|html|pdf)$/.exec(file)?.[1];
    if (!ext) continue;
    const name = basename(file, `.${ext}`);
    const side = sidecars(dir, name);
    const bytes = readFileSync(join(dir, file));
    const published = publishedOf(name, side);
    if (ext === 'txt') {
      const blocks = bytes
        .toString('utf8')
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map((b) => b.trim())
        .filter(Boolean);
      const [first = name, ...rest] = blocks;
      const [headline = name, ...lead] = first.split('\n').map((l) => l.trim());
      corpus.txt.push({
        name,
        headline,
        lead,
        paragraphs: rest.map((b) => b.replace(/\s*\n\s*/g, ' ')),
        published,
        bylineDate: partialDate(side.metaPublished),
        regency: side.regency,
        unit: side.unit,
      });
    } else if (ext === 'html') {
      const charset = declaredCharset(bytes);
      corpus.html.push({ name, bytes, charset, title: htmlTitle(bytes, charset) ?? name, published });
    } else {
      corpus.pdf.push({ name, bytes, title: pdfTitle(name), published });
    }
  }
  return corpus;
}

/** The charset a page declares in its first 1024 bytes, where browsers look for it. */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function htmlTitle(bytes: Buffer, charset: string | null): string | null {
  const label = charset && iconv.encodingExists(charset) ? charset : 'utf-8';
  // iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1 (smart quotes lost).
  const text = iconv.decode(bytes, label);
  const og = /<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']+)["']/i.exec(text)?.[1];
  const title = /<title[^>]*>([^<]+)<\/title>/i.exec(text)?.[1]?.replace(/\s+[-|–]\s+[^-|–]+$/, '');
  const raw = og ?? title;
  return raw ? decodeEntities(raw).trim() : null;
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number.parseInt(code.slice(1), 10));
    return named[code.toLowerCase()] ?? whole;
  });
}

/** The file name is the only title a PDF report has without parsing it. */
function pdfTitle(name: string): string {
  const words = name.replace(/^\d+_/, '').split('-');
  const upper = new Set(['wbk', 'wbbm', 'zi', 'rb', 'lhp', 'tpi']);
  const text = words.map((w) => (upper.has(w) ? w.toUpperCase() : w)).join(' ');
  return `Laporan: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "Rabu, 8 Oktober 2025", in Jakarta time. */
export function indonesianDate(d: Date): string {
  const wib = new Date(d.getTime() + 7 * 3600_000);
  return `${DAYS[wib.getUTCDay()]}, ${wib.getUTCDate()} ${MONTHS[wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export const TAGS = [
  { slug: 'zona-integritas', label: 'Zona Integritas', match: /zona integritas|\bZI\b/i },
  { slug: 'wbk', label: 'WBK', match: /\bWBK\b/ },
  { slug: 'wbbm', label: 'WBBM', match: /\bWBBM\b/ },
  { slug: 'puskesmas', label: 'Puskesmas', match: /puskesmas/i },
  { slug: 'pelayanan-publik', label: 'Pelayanan Publik', match: /pelayanan|MPP|imigrasi|dukcapil/i },
];

/** The site's frame: header with navigation, footer with the non-article pages and tag links. */
export function layout(title: string, main: string, head = ''): string {
  const tags = TAGS.map((t) => `<a href="/tag/${t.slug}">${escapeHtml(t.label)}</a>`).join(' · ');
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${SITE_NAME}</title>
<link rel="alternate" type="application/rss+xml" title="${SITE_NAME}" href="/rss.xml">
${head}</head>
<body>
<header class="kepala-situs">
<a class="logo" href="/">${SITE_NAME}</a>
<nav class="menu-utama"><a href="/">Beranda</a> <a href="/berita/">Berita</a> <a href="/laporan/">Laporan</a> <a href="/tentang">Tentang Kami</a> <a href="/kontak">Kontak</a></nav>
</header>
<main>
${main}
</main>
<footer class="kaki-situs">
<p class="label-tag">Topik: ${tags}</p>
<p><a href="/tentang">Tentang Kami</a> · <a href="/kontak">Kontak Redaksi</a> · <a href="/rss.xml">RSS</a> · <a href="/sitemap.xml">Peta Situs</a></p>
<p>© ${SITE_NAME}, portal uji untuk perayap berita. Seluruh isi hanya untuk pengujian.</p>
</footer>
</body>
</html>
`;
}

/** A note an editor adds to a page on `touch`, ASCII only so it fits any page's charset. */
function revisionNote(revision: number): string {
  return `<p class="pembaruan">Pembaruan redaksi ke-${revision}: sebagian isi berita ini telah diperbarui.</p>`;
}

function articlePage(opts: {
  headline: string;
  lead: string[];
  paragraphs: string[];
  bylineDate: Date | null;
  revision: number;
  tags: string;
}): string {
  const head = opts.bylineDate
    ? `<meta property="article:published_time" content="${opts.bylineDate.toISOString()}">\n`
    : '';
  const date = opts.bylineDate
    ? ` | <time datetime="${opts.bylineDate.toISOString()}">${indonesianDate(opts.bylineDate)} | 10:00 WIB</time>`
    : '';
  const paras = [...opts.lead.map((l) => `<p class="waktu">${escapeHtml(l)}</p>`)];
  for (const p of opts.paragraphs) paras.push(`<p>${escapeHtml(p)}</p>`);
  if (opts.revision > 0) paras.push(revisionNote(opts.revision));
  const tagLinks = TAGS.filter((t) => t.match.test(opts.tags))
    .map((t) => `<a href="/tag/${t.slug}">${escapeHtml(t.label)}</a>`)
    .join(' ');
  const main = `<article class="berita">
<h1>${escapeHtml(opts.headline)}</h1>
<div class="byline">Oleh Redaksi ${SITE_NAME}${date}</div>
<div class="isi-berita">
${paras.join('\n')}
</div>
</article>
<aside class="tags">Topik: ${tagLinks}</aside>`;
  return layout(opts.headline, main, head);
}

function txtResource(src: TxtSource): Resource {
  const res: Resource = {
    path: `/berita/${src.name}.html`,
    title: src.headline,
    published: src.published,
    lastModified: src.published,
    contentType: 'text/html; charset=utf-8',
    compressible: true,
    kind: 'article',
    revision: 0,
    render: () =>
      Buffer.from(
        articlePage({
          headline: src.headline,
          lead: src.lead,
          paragraphs: src.paragraphs,
          bylineDate: src.bylineDate,
          revision: res.revision,
          tags: `${src.headline} ${src.paragraphs.join(' ')}`,
        }),
      ),
  };
  return res;
}

/**
 * A touched fixture page gets the note after its longest paragraph of plain text above the footer:
 * article text on every layout in the corpus, so a parser sees new text and not just new bytes.
 */
function withNote(bytes: Buffer, revision: number): Buffer {
  if (revision === 0) return bytes;
  const note = Buffer.from(revisionNote(revision), 'latin1');
  const footer = bytes.indexOf('footer', Math.max(0, bytes.indexOf('<h1')));
  const limit = footer >= 0 ? footer : bytes.length;
  let at = -1;
  let longest = 0;
  for (let end = bytes.indexOf('</p>'); end >= 0 && end < limit; end = bytes.indexOf('</p>', end + 4)) {
    const start = Math.max(bytes.lastIndexOf('<p>', end), bytes.lastIndexOf('<p ', end));
    if (start < 0) continue;
    const text = bytes
      .subarray(start, end)
      .toString('latin1')
      .replace(/<[^>]*>/g, '').length;
    if (text > longest) {
      longest = text;
      at = end + 4;
    }
  }
  if (at < 0) at = Math.max(0, bytes.lastIndexOf('</body>'));
  return Buffer.concat([bytes.subarray(0, at), note, bytes.subarray(at)]);
}

function htmlResource(src: HtmlSource): Resource {
  const res: Resource = {
    path: `/berita/${src.name}.html`,
    title: src.title,
    published: src.published,
    lastModified: src.published,
    contentType: src.charset ? `text/html; charset=${src.charset}` : 'text/html',
    compressible: true,
    kind: 'article',
    revision: 0,
    render: () => withNote(src.bytes, res.revision),
  };
  return res;
}

function pdfResource(src: PdfSource): Resource {
  const res: Resource = {
    path: `/laporan/${src.name}.pdf`,
    title: src.title,
    published: src.published,
    lastModified: src.published,
    contentType: 'application/pdf',
    compressible: false,
    kind: 'report',
    revision: 0,
    // A comment after %%EOF: PDF readers skip it, and the bytes (so the ETag) change.
    render: () =>
      res.revision === 0
        ? src.bytes
        : Buffer.concat([src.bytes, Buffer.from(`\n%revisi ${res.revision}\n`, 'latin1')]),
  };
  return res;
}

/** Regencies and units a synthetic article is moved to (names of real places, events invented). */
const REGENCIES = [
  'Kabupaten Karanganyar',
  'Kabupaten Boyolali',
  'Kota Pekalongan',
  'Kabupaten Purworejo',
  'Kabupaten Wonogiri',
  'Kabupaten Garut',
  'Kabupaten Tasikmalaya',
  'Kota Sukabumi',
  'Kabupaten Indramayu',
  'Kabupaten Lamongan',
  'Kabupaten Tuban',
  'Kabupaten Bojonegoro',
  'Kota Batu',
  'Kabupaten Magetan',
  'Kabupaten Ponorogo',
  'Kabupaten Tulungagung',
  'Kabupaten Karangasem',
  'Kabupaten Jembrana',
  'Kabupaten Dompu',
  'Kabupaten Ende',
  'Kabupaten Sikka',
  'Kota Kendari',
  'Kabupaten Konawe',
  'Kota Baubau',
  'Kabupaten Polewali Mandar',
  'Kota Palopo',
  'Kabupaten Minahasa',
  'Kota Bitung',
  'Kabupaten Banggai',
  'Kota Ternate',
  'Kota Sorong',
  'Kabupaten Jayapura',
  'Kabupaten Kapuas',
  'Kota Palangka Raya',
  'Kabupaten Tanah Bumbu',
  'Kota Samarinda',
  'Kabupaten Berau',
  'Kota Tarakan',
  'Kabupaten Siak',
  'Kabupaten Agam',
  'Kota Bukittinggi',
  'Kabupaten Lahat',
  'Kota Lubuklinggau',
  'Kabupaten Pringsewu',
  'Kota Metro',
];
const UNITS = [
  'Puskesmas Sukamaju',
  'Kecamatan Sukamulya',
  'RSUD Bhakti Husada',
  'Kelurahan Sidomulyo',
  'Dinas Perhubungan',
  'Badan Pendapatan Daerah',
  'Puskesmas Karangrejo',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  'Kecamatan Kota Baru',
  'Dinas Sosial',
];

function bareName(regency: string): string {
  return regency.replace(/^(Kabupaten|Kota)\s+/, '');
}

function wordPattern(s: string): RegExp {
  return new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'gu');
}

interface Variation {
  replace(s: string): string;
  published: Date;
  number: number;
}

/** Synthetic article k: the k-th base article moved to another regency, unit and date, with its own figure. */
function variation(k: number, base: TxtSource): Variation {
  const from = base.regency ? bareName(base.regency) : null;
  let to = bareName(REGENCIES[(k * 7) % REGENCIES.length] ?? 'Kota Metro');
  if (to === from) to = bareName(REGENCIES[(k * 7 + 1) % REGENCIES.length] ?? 'Kota Metro');
  const unit = UNITS[k % UNITS.length] ?? 'Dinas Sosial';
  // Spread over 2019–2025 so the listing interleaves synthetic and corpus articles.
  const published = new Date(Date.UTC(2019, 0, 1, 3) + ((k * 97) % 2550) * 86_400_000);
  // Every year moves by the same amount, so "raih WBK pada 2023" stays before the article's own year.
  const shift = published.getUTCFullYear() - base.published.getUTCFullYear();
  const rules: [RegExp, string][] = [];
  if (base.unit) rules.push([wordPattern(base.unit), unit]);
  if (from) {
    rules.push([wordPattern(from), to]);
    rules.push([wordPattern(from.toUpperCase()), to.toUpperCase()]);
  }
  const moveYears = (s: string) =>
    s.replace(/(?<!\d)(?:19[89]\d|20[0-3]\d)(?!\d)/g, (y) => String(Number(y) + shift));
  return {
    replace: (s) => moveYears(rules.reduce((acc, [re, by]) => acc.replace(re, by), s)),
    published,
    number: 1000 + 3 * k,
  };
}

function syntheticResource(k: number, base: TxtSource): Resource {
  const v = variation(k, base);
  const headline = v.replace(base.headline);
  const res: Resource = {
    path: `/berita/sintetis-${k}.html`,
    title: headline,
    published: v.published,
    lastModified: v.published,
    contentType: 'text/html; charset=utf-8',
    compressible: true,
    kind: 'article',
    revision: 0,
    // Built on request: 5,000 pages cost nothing until a crawler asks for them.
    render: () => {
      const paragraphs = base.paragraphs.map(v.replace);
      paragraphs.push(
        `Sepanjang tahun ${v.published.getUTCFullYear()}, unit tersebut mencatat ${v.number} permohonan layanan yang selesai tepat waktu.`,
      );
      return Buffer.from(
        articlePage({
          headline,
          lead: [],
          paragraphs,
          bylineDate: v.published,
          revision: res.revision,
          tags: `${headline} ${paragraphs.join(' ')}`,
        }),
      );
    },
  };
  return res;
}

export interface SiteContent {
  articles: Resource[];
  reports: Resource[];
}

export function buildContent(syntheticPages: number): SiteContent {
  const corpus = loadCorpus();
  const articles = [...corpus.txt.map(txtResource), ...corpus.html.map(htmlResource)];
  // Only articles with a regency in their gold can be moved to another one.
  const bases = corpus.txt.filter((t) => t.regency !== null);
  for (let k = 1; k <= syntheticPages && bases.length > 0; k++) {
    const base = bases[(k - 1) % bases.length];
    if (base) articles.push(syntheticResource(k, base));
  }
  return { articles, reports: corpus.pdf.map(pdfResource) };
}
