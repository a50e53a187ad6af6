import { createHash } from 'node:crypto';
import type { Document, DocumentKind, DocumentMeta } from '../../models/index.js';
import { InputError } from '../errors.js';
import { decodeBytes, looksBinary } from './charset.js';
import { parseHtml } from './html.js';
import { parsePdf } from './pdf.js';
import { publishedFromByline, publishedFromUrl } from './published.js';

/** How many lines under a text's headline may hold its byline. */
const BYLINE_LINES = 4;

export interface RawInput {
  /** The file path or URL it came from. */
  source: string;
  bytes: Uint8Array;
  meta: DocumentMeta;
  /** A charset from the HTTP Content-Type header, when fetched. */
  charset?: string | null;
}

/** The kind by file name, else by the first bytes: `%PDF-` or markup. */
export function kindOf(source: string, bytes: Uint8Array): DocumentKind {
  const lower = source.toLowerCase().replace(/[?#].*$/, '');
  if (lower.endsWith('.pdf')) return 'pdf';
  if (/\.x?html?$/.test(lower)) return 'html';
  if (lower.endsWith('.txt')) return 'text';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<body')) return 'html';
  return 'text';
}

/** Bytes in, a Document out; any input that cannot be read becomes an InputError naming the source. */
export async function parseDocument(input: RawInput): Promise<Document> {
  const { source, bytes, meta } = input;
  if (bytes.length === 0) throw new InputError(source, 'empty file');
  const kind = kindOf(source, bytes);
  const id = createHash('sha256').update(bytes).digest('hex');
  const url = meta.url ?? null;
  const fromUrl = publishedFromUrl(url);
  if (kind === 'pdf') {
    const pdf = await parsePdf(source, bytes);
    return {
      id,
      source,
      url,
      kind,
      title: pdf.title,
      published: meta.published ?? pdf.published ?? fromUrl,
      text: pdf.text,
      pages: pdf.pages,
    };
  }
  if (looksBinary(bytes))
    throw new InputError(source, `binary content, not ${kind === 'html' ? 'HTML' : 'text'}`);
  const { text } = decodeBytes(bytes, input.charset);
  if (kind === 'html') {
    if (!/<(?:html|body|p|div|article)[\s>]/i.test(text))
      throw new InputError(source, 'no HTML markup found');
    const html = parseHtml(text);
    if (html.text.replace(/\s+/g, '').length < 40)
      throw new InputError(source, 'HTML page has no article text');
    return {
      id,
      source,
      url,
      kind,
      title: html.title,
      published: meta.published ?? html.published ?? fromUrl,
      text: html.text,
    };
  }
  const body = text.replace(/\r\n?/g, '\n');
  if (body.trim().length === 0) throw new InputError(source, 'file holds only white space');
  const lines = body.trim().split('\n');
  const title = lines[0]?.trim() ?? null;
  // A saved article keeps its byline under the headline: "Selasa, 21 Januari 2025 | 10:15 WIB".
  const byline = lines
    .slice(1, BYLINE_LINES)
    .map((l) => l.trim())
    .find((l) => l.length < 80 && publishedFromByline(l) !== null);
  const published = meta.published ?? (byline ? publishedFromByline(byline) : null) ?? fromUrl;
  return { id, source, url, kind, title, published, text: body };
}
