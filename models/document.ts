import { z } from 'zod';
import { PartialDateSchema } from './dates.js';

export const DocumentKindSchema = z.enum(['html', 'pdf', 'text']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** Where a PDF page's text sits in the document text, for provenance. */
export const PageSpanSchema = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PageSpan = z.infer<typeof PageSpanSchema>;

/**
 * The page an offset of the document text falls on: the last page starting at or before it, so that the
 * line break joining two pages counts to the page before. Null where the document has no pages (HTML,
 * plain text, a PDF stored before pages were kept).
 */
export function pageAt(pages: readonly PageSpan[] | null | undefined, offset: number): number | null {
  return pages?.findLast((p) => p.start <= offset)?.page ?? null;
}

/** What a crawler (or a `<name>.meta.json` sidecar) knows about a document before reading it. */
export const DocumentMetaSchema = z.object({
  url: z.string().url().nullable().optional(),
  published: PartialDateSchema.nullable().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const DocumentSchema = z.object({
  /** sha256 of the raw bytes: the same file read twice is the same document. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** The path or URL it was read from. */
  source: z.string().min(1),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: PartialDateSchema.nullable(),
  kind: DocumentKindSchema,
  text: z.string(),
  pages: z.array(PageSpanSchema).optional(),
});
export type Document = z.infer<typeof DocumentSchema>;
