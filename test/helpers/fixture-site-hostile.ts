/**
 * Payloads for the fixture site's hostile endpoints: the things a crawler must survive without
 * hanging, filling memory or mis-decoding.
 */
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import iconv from 'iconv-lite';

const MIB = 1024 * 1024;

/** What the gzip bomb inflates to: 1 GiB of zero bytes. */
export const BOMB_INFLATED_BYTES = 1024 * MIB;

let bombCache: Buffer | undefined;

/**
 * A gzip member of 1 GiB of zeros, about 1 MB on the wire. Built without feeding zlib a gigabyte
 * (2.3 s on this machine): after a full flush deflate starts afresh, so one flushed MiB of zeros
 * compresses to the same bytes every time and 1,024 copies of it are a valid stream. Only the CRC
 * needs the whole gigabyte, and crc32 on a zero buffer is fast. Cached for the life of the process.
 */
export function gzipBomb(): Buffer {
  if (bombCache) return bombCache;
  const zeros = Buffer.alloc(MIB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0), { level: 9 });
  let crc = 0;
  for (let i = 0; i < BOMB_INFLATED_BYTES / MIB; i++) crc = crc32(zeros, crc);
  // Magic, deflate, no flags, no mtime, "max compression", unknown OS.
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(BOMB_INFLATED_BYTES % 2 ** 32, 4);
  const parts: Buffer[] = [header];
  for (let i = 0; i < BOMB_INFLATED_BYTES / MIB; i++) parts.push(block);
  parts.push(last, trailer);
  bombCache = Buffer.concat(parts);
  return bombCache;
}

/**
 * An Indonesian news page in windows-1252 whose <meta> says so, with the typographic quotes, dashes
 * and ellipsis that are invalid UTF-8 in that encoding (0x85, 0x93, 0x94, 0x96, 0x97).
 */
export function windows1252Page(title: string): Buffer {
  const html = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="windows-1252">
<title>${title}</title>
</head>
<body>
<article>
<h1>Karanganyar Targetkan Dua Unit Kerja Lolos Evaluasi Zona Integritas</h1>
<div class="byline">Oleh Redaksi – Selasa, 14 Oktober 2025 | 09:30 WIB</div>
<p>KARANGANYAR – Pemerintah Kabupaten Karanganyar menargetkan Puskesmas Tasikmadu dan Kecamatan Jaten lolos evaluasi pembangunan Zona Integritas (ZI) menuju Wilayah Bebas dari Korupsi (WBK) tahun ini.</p>
<p>“Kami sudah menyiapkan bukti dukung untuk enam area perubahan — mulai dari manajemen perubahan sampai kualitas pelayanan,” kata Kepala Bagian Organisasi, Sri Wahyuningsih, Selasa (14/10).</p>
<p>Menurutnya, tim penilai internal telah memeriksa lembar kerja evaluasi dua kali… dan meminta setiap unit menambah kanal ‘pengaduan cepat’ bagi warga.</p>
</article>
</body>
</html>
`;
  return iconv.encode(html, 'windows-1252');
}

/** Bytes that are no kind of text: a fixed xorshift sequence with NULs, the same on every run. */
export function binaryJunk(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 7 === 0 ? 0 : x & 0xff;
  }
  return out;
}

/** The start of the endless and huge pages, then filler repeated. */
export const STREAM_HEAD = Buffer.from(
  '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8"><title>Arsip Tanpa Ujung</title></head>\n<body>\n',
);

export function fillerChunk(size: number): Buffer {
  const line = '<p>Baris arsip yang terus bertambah tanpa pernah selesai dimuat oleh peramban.</p>\n';
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

/** The slow drip sends this page one byte at a time, then starts over. */
export const DRIP_TEXT = Buffer.from(
  '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Memuat</title></head><body><p>Halaman ini dikirim sangat pelan, satu huruf setiap setengah detik.</p>',
);
