import { PasswordException, PDFParse } from 'pdf-parse';
import type { PartialDate } from '../../models/index.js';
import { InputError } from '../errors.js';
import { reflowPage } from './pdf-reflow.js';
import { inlineTables } from './pdf-tables.js';
import { publishedFromIso } from './published.js';

export interface ParsedPdf {
  title: string | null;
  published: PartialDate | null;
  text: string;
  /** Where each page's text sits in `text`, for provenance by page. */
  pages: { page: number; start: number; end: number }[];
}

/**
 * Reads a PDF report's text page by page with pdf-parse (pdf.js), its ruled tables one row to a line.
 * Encrypted, broken and image-only files get an error that says which.
 */
export async function parsePdf(source: string, bytes: Uint8Array): Promise<ParsedPdf> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText().catch((cause: unknown) => {
      throw unreadable(source, bytes, cause);
    });
    const info = await parser.getInfo().catch(() => null);
    // Tables are a help, not a requirement: a page whose tables cannot be read keeps its plain text.
    const tables = await parser.getTable().catch(() => null);
    const tablesOf = new Map(tables?.pages.map((p) => [p.num, p.tables]) ?? []);
    const pages: ParsedPdf['pages'] = [];
    let text = '';
    for (const page of result.pages) {
      const body = reflowPage(
        inlineTables(page.text.replace(/\r\n?/g, '\n'), tablesOf.get(page.num) ?? []),
      ).trim();
      if (text) text += '\n';
      pages.push({ page: page.num, start: text.length, end: text.length + body.length });
      text += body;
    }
    if (text.replace(/\s+/g, '').length === 0) {
      throw new InputError(source, `PDF has no text layer (${result.total} page(s), scanned images only?)`);
    }
    const meta = (info?.info ?? {}) as Record<string, unknown>;
    const title = typeof meta.Title === 'string' && meta.Title.trim() ? meta.Title.trim() : null;
    return { title, published: pdfDate(meta.CreationDate), text, pages };
  } finally {
    await parser.destroy();
  }
}

/** Where a reader looks for the end-of-file marker: the spec lets it sit anywhere in the last 1024 bytes. */
const EOF_WINDOW = 1024;

/**
 * Why pdf.js could not open a file, in words a reader can act on. pdf-parse rethrows pdf.js's own
 * exceptions as its classes; a PasswordException means the file has a user password (no password is
 * ever given here; a file with only an owner password opens without one). pdf.js says no more than
 * "Invalid PDF structure." of a file cut off in transfer, so a missing %%EOF is named as the likely cause.
 */
function unreadable(source: string, bytes: Uint8Array, cause: unknown): InputError {
  if (cause instanceof PasswordException)
    return new InputError(source, 'PDF is encrypted, needs a password', { cause });
  const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, '');
  const tail = Buffer.from(bytes.subarray(-EOF_WINDOW)).toString('latin1');
  const truncated = tail.includes('%%EOF') ? '' : '; no %%EOF at the end, so probably truncated';
  return new InputError(source, `unreadable PDF (${reason}${truncated})`, { cause });
}

/** PDF dates look like `D:20241113101500+07'00'`. */
function pdfDate(value: unknown): PartialDate | null {
  if (typeof value !== 'string') return null;
  const m = /^D?:?(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? publishedFromIso(`${m[1]}-${m[2]}-${m[3]}`) : null;
}
