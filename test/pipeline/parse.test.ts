import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageAt } from '../../models/index.js';
import { InputError } from '../../pipeline/errors.js';
import { decodeBytes } from '../../pipeline/parse/charset.js';
import { parseHtml } from '../../pipeline/parse/html.js';
import { parseDocument } from '../../pipeline/parse/parse-document.js';
import { publishedFromByline, publishedFromUrl } from '../../pipeline/parse/published.js';
import { makePdf, makeScannedPdf } from '../helpers/make-pdf.js';

const corpus = 'fixtures/corpus';
const parse = (source: string, bytes: Uint8Array, meta = {}) => parseDocument({ source, bytes, meta });
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ '“': 0x93, '”': 0x94, '’': 0x92, é: 0xe9 })[c] ?? c.charCodeAt(0)));

describe('decoding', () => {
  it.each([
    ['UTF-8 as declared', new TextEncoder().encode('<meta charset="utf-8"><p>“Kata” é</p>'), '“Kata” é'],
    ['windows-1252 as declared', cp1252('<meta charset="windows-1252"><p>“Kata” é</p>'), '“Kata” é'],
    [
      'windows-1252 declared as latin-1',
      cp1252('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>“Kata”</p>'),
      '“Kata”',
    ],
    ['windows-1252 declared as UTF-8', cp1252('<meta charset="utf-8"><p>“Kata”</p>'), '“Kata”'],
    [
      'UTF-8 declared as latin-1',
      new TextEncoder().encode('<meta charset="iso-8859-1"><p>“Kata”</p>'),
      '“Kata”',
    ],
    ['windows-1252 undeclared', cp1252('<p>“Kata” é</p>'), '“Kata” é'],
  ])('%s', (_, bytes, expected) => {
    expect(decodeBytes(bytes).text).toContain(expected);
  });

  it('reads the windows-1252 fixture pages without mojibake', async () => {
    for (const name of [
      '016_kota-bogor-penilaian-tpi-tiga-unit-kerja',
      '020_bangka-barat-usulkan-empat-unit-kerja-wbk',
    ]) {
      const doc = await parse(`${corpus}/${name}.html`, readFileSync(`${corpus}/${name}.html`));
      expect(doc.text).toContain('“');
      expect(doc.text).not.toMatch(/â€|Ã|\uFFFD/);
    }
  });
});

describe('news pages', () => {
  it('keeps the article and drops navigation, related links, sidebar and comments', async () => {
    const html = `<!doctype html><html><head><title>Situs Berita</title>
      <meta property="article:published_time" content="2024-11-13T10:15:00+07:00"></head><body>
      <header><nav><a>Beranda</a><a>Daerah</a></nav></header>
      <div class="ticker">Breaking: harga cabai naik</div>
      <article><h1>Tiga OPD Ikuti Desk Evaluasi ZI</h1>
        <div class="entry-content">
          <p>JEMBER – Tiga unit kerja mengikuti desk evaluasi Zona Integritas menuju WBK pada Rabu (13/11/2024) secara daring.</p>
          <p class="baca-juga">Baca Juga: Banjir di Kecamatan Sumbersari</p>
          <p>Evaluator dari KemenPANRB menilai dokumen dan mewawancarai pimpinan unit kerja selama dua jam.</p>
          <div class="share">Bagikan: Facebook WhatsApp</div>
        </div></article>
      <aside class="sidebar"><h3>Terpopuler</h3><p>Harga beras di pasar tradisional turun tajam pekan ini menurut pedagang.</p></aside>
      <div id="comments"><p>Mantap sekali pemkab kita, semoga berhasil meraih WBK tahun ini ya.</p></div>
      <footer>Alamat redaksi Jalan Gajah Mada</footer></body></html>`;
    const doc = await parse('x.html', new TextEncoder().encode(html));
    expect(doc.title).toBe('Tiga OPD Ikuti Desk Evaluasi ZI');
    expect(doc.published).toBe('2024-11-13');
    expect(doc.text.split('\n')).toEqual([
      'Tiga OPD Ikuti Desk Evaluasi ZI',
      'JEMBER – Tiga unit kerja mengikuti desk evaluasi Zona Integritas menuju WBK pada Rabu (13/11/2024) secara daring.',
      'Evaluator dari KemenPANRB menilai dokumen dan mewawancarai pimpinan unit kerja selama dua jam.',
    ]);
  });

  it('finds the article without named containers and leaves out teasers, bylines and the site name', () => {
    const teaser = (n: number) =>
      `<div class="card"><a href="/berita/${n}">Berita lain nomor ${n}</a><p>Ringkasan berita lain yang cukup panjang untuk dibaca sebagai paragraf, nomor ${n}.</p></div>`;
    const html = `<html><head><meta property="og:site_name" content="Kabar Lumajang">
      <meta property="og:title" content="Dua Puskesmas Ikuti Desk Evaluasi - Kabar Lumajang"></head><body>
      <div id="top"><h1><a href="/">Kabar Lumajang</a></h1></div>
      <div class="wrap"><div class="kolom">
        <h2>Dua Puskesmas Ikuti Desk Evaluasi</h2>
        <div>Oleh: Redaksi</div><div>Selasa, 12 November 2024 | 10:15 WIB</div>
        <p>LUMAJANG – Dua puskesmas mengikuti desk evaluasi Zona Integritas menuju WBK di Jakarta pekan ini.</p>
        <p>Kepala Dinas Kesehatan berharap kedua puskesmas meraih predikat WBK pada akhir tahun 2024.</p>
        <div>- Advertisement -</div>
        <p>Penilaian dilanjutkan dengan evaluasi lapangan oleh tim penilai nasional bulan depan.</p>
      </div>
      <div class="lainnya">${[1, 2, 3, 4].map(teaser).join('')}</div></div></body></html>`;
    const parsed = parseHtml(html);
    expect(parsed.title).toBe('Dua Puskesmas Ikuti Desk Evaluasi');
    expect(parsed.body.split('\n')).toEqual([
      'LUMAJANG – Dua puskesmas mengikuti desk evaluasi Zona Integritas menuju WBK di Jakarta pekan ini.',
      'Kepala Dinas Kesehatan berharap kedua puskesmas meraih predikat WBK pada akhir tahun 2024.',
      'Penilaian dilanjutkan dengan evaluasi lapangan oleh tim penilai nasional bulan depan.',
    ]);
    expect(parsed.text.split('\n')[0]).toBe('Dua Puskesmas Ikuti Desk Evaluasi');
  });

  it.each([
    [
      'JSON-LD',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-08-28T09:00:00+07:00"}</script>',
      '2025-08-28',
    ],
    ['a time element', '<time datetime="2023-12-06">6 Desember</time>', '2023-12-06'],
    ['a written byline', '<span class="date">Rabu, 13 November 2024 | 10:15 WIB</span>', '2024-11-13'],
  ])('reads the publication date from %s', async (_, markup, expected) => {
    const html = `<html><body>${markup}<div class="post-body"><p>${'Isi berita tentang Zona Integritas di daerah. '.repeat(8)}</p></div></body></html>`;
    expect((await parse('p.html', new TextEncoder().encode(html))).published).toBe(expected);
  });

  it('takes the date from the URL when the page has none', async () => {
    const html = `<html><body><p>${'Isi berita tentang Zona Integritas di daerah. '.repeat(8)}</p></body></html>`;
    const doc = await parse('p.html', new TextEncoder().encode(html), {
      url: 'https://berita.example/2024/10/slug',
    });
    expect(doc.published).toBe('2024-10');
  });
});

describe('dates from metadata', () => {
  it.each([
    ['https://a.example/2024/11/13/judul', '2024-11-13'],
    ['https://a.example/read/2023/07/judul', '2023-07'],
    ['https://a.example/berita/judul-2024', null],
    ['not a url', null],
  ])('URL %s', (url, expected) => expect(publishedFromUrl(url)).toBe(expected));

  it.each([
    ['Kamis, 24 Juli 2025 | 22:57 WIB', '2025-07-24'],
    ['Kompas.com - 25/04/2018, 18:04 WIB', '2018-04-25'],
    ['Diperbarui 3 jam lalu', null],
  ])('byline %s', (text, expected) => expect(publishedFromByline(text)).toBe(expected));
});

describe('PDF reports', () => {
  it('reads the text of every page with page offsets', async () => {
    const pdf = await makePdf([
      'Daftar unit kerja berpredikat WBK tahun 2024.',
      'Puskesmas Kalisat meraih predikat WBK.',
    ]);
    const doc = await parse('laporan.pdf', pdf);
    expect(doc.kind).toBe('pdf');
    expect(doc.pages).toHaveLength(2);
    const second = doc.pages?.[1];
    expect(doc.text.slice(second?.start, second?.end)).toContain('Puskesmas Kalisat');
    expect(doc.title).toBe('Laporan');
  });
});

describe('the page of an offset', () => {
  const pages = [
    { page: 1, start: 0, end: 40 },
    { page: 2, start: 41, end: 90 },
  ];
  it.each([
    [0, 1],
    [39, 1],
    // The line break that joins two pages belongs to neither; it counts to the page before.
    [40, 1],
    [41, 2],
    [89, 2],
  ])('offset %i is on page %i', (offset, page) => expect(pageAt(pages, offset)).toBe(page));

  it('is unknown without pages', () => {
    expect(pageAt(null, 10)).toBeNull();
    expect(pageAt(undefined, 10)).toBeNull();
  });
});

describe('bad input gets a one-line error naming the file', () => {
  it.each([
    ['an empty file', 'kosong.txt', new Uint8Array(), /kosong\.txt: empty file/],
    [
      'a binary file named .html',
      'gambar.html',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      /gambar\.html: binary content/,
    ],
    [
      'HTML without a body',
      'kosong.html',
      new TextEncoder().encode('<html><head><title>x</title></head></html>'),
      /kosong\.html: HTML page has no article text/,
    ],
    [
      'white space only',
      'spasi.txt',
      new TextEncoder().encode('  \n\n \t'),
      /spasi\.txt: file holds only white space/,
    ],
  ])('%s', async (_, name, bytes, message) => {
    const error = await parse(name, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  describe('a PDF that cannot be read says why', () => {
    const failure = async (name: string, bytes: Uint8Array) => {
      const error = await parse(name, bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    };
    const text = ['Laporan hasil evaluasi Zona Integritas menuju WBK tahun 2024.'];

    it('encrypted with a user password', async () => {
      const pdf = await makePdf(text, { userPassword: 'rahasia', ownerPassword: 'pemilik' });
      expect(await failure('rahasia.pdf', pdf)).toBe('rahasia.pdf: PDF is encrypted, needs a password');
    });

    it('encrypted with AES-256 too', async () => {
      const pdf = await makePdf(text, { userPassword: 'x', ownerPassword: 'y', pdfVersion: '1.7ext3' });
      expect(await failure('aes.pdf', pdf)).toBe('aes.pdf: PDF is encrypted, needs a password');
    });

    it('but one with only an owner password opens without one', async () => {
      const pdf = await makePdf(text, { ownerPassword: 'pemilik' });
      expect((await parse('izin.pdf', pdf)).text).toBe(text[0]);
    });

    it('truncated', async () => {
      const pdf = await makePdf(text);
      expect(await failure('potong.pdf', pdf.subarray(0, pdf.length - 300))).toBe(
        'potong.pdf: unreadable PDF (Invalid PDF structure; no %%EOF at the end, so probably truncated)',
      );
    });

    it('broken without being cut off', async () => {
      const junk = new TextEncoder().encode('%PDF-1.4\nbukan isi PDF sama sekali\n%%EOF\n');
      expect(await failure('rusak.pdf', junk)).toBe('rusak.pdf: unreadable PDF (Invalid PDF structure)');
    });

    it('scanned pages without a text layer', async () => {
      expect(await failure('pindaian.pdf', await makeScannedPdf(2))).toBe(
        'pindaian.pdf: PDF has no text layer (2 page(s), scanned images only?)',
      );
    });
  });
});
