import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { type Column, type Doc, FONT, ruledTable } from '../../fixtures/tools/ruled-table.js';

/** A real PDF written by pdfkit, `draw` filling it; the fixed creation date keeps its metadata stable. */
function writePdf(
  draw: (doc: Doc) => void,
  options: PDFKit.PDFDocumentOptions & { title?: string } = {},
): Promise<Buffer> {
  const { title = 'Laporan', ...rest } = options;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      ...rest,
      info: { Title: title, CreationDate: new Date(Date.UTC(2024, 11, 12)) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A small PDF with one paragraph per page, for parser tests; pdfkit's options add a password. */
export function makePdf(
  pages: readonly string[],
  options: PDFKit.PDFDocumentOptions & { title?: string } = {},
): Promise<Buffer> {
  return writePdf((doc) => {
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(11).text(text);
    });
  }, options);
}

/** A report: paragraphs above a ruled table, drawn as the fixture reports draw theirs. */
export function makeTablePdf(
  paragraphs: readonly string[],
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): Promise<Buffer> {
  return writePdf(
    (doc) => {
      for (const text of paragraphs)
        doc.font(FONT).fontSize(11).text(text, { align: 'justify' }).moveDown(0.6);
      ruledTable(doc, columns, rows);
    },
    { size: 'A4', margins: { top: 72, bottom: 72, left: 62, right: 62 } },
  );
}

/** What a scanner makes: every page one picture and not a word of text. */
export function makeScannedPdf(pages: number): Promise<Buffer> {
  const scan = greyPng(60, 80);
  return writePdf((doc) => {
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.image(scan, 50, 50, { width: 480 });
    }
  });
}

/** An 8-bit greyscale PNG of one flat shade, built by hand so that the tests need no image file. */
function greyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // Bit depth 8, colour type 0 (greyscale); compression, filter and interlace stay at 0.
  header[8] = 8;
  // Each scanline starts with its filter type, 0 (none), then one byte per pixel.
  const line = Buffer.alloc(width + 1, 0xc0);
  line[0] = 0;
  const pixels = Buffer.concat(Array.from({ length: height }, () => line));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
