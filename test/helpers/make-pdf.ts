import PDFDocument from 'pdfkit';

/** A small real PDF with one paragraph per page, written by pdfkit, for parser tests. */
export function makePdf(pages: readonly string[], title = 'Laporan'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Title: title, CreationDate: new Date(Date.UTC(2024, 11, 12)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(11).text(text);
    });
    doc.end();
  });
}
