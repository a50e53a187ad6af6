import { z } from 'zod';
import { DocumentFactsSchema } from './facts.js';
import { MentionSchema } from './mention.js';

export const SentenceSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SentenceSpan = z.infer<typeof SentenceSpanSchema>;

/** One run of the extractor over one document. */
export const ExtractionSchema = z.object({
  documentId: z.string(),
  extractorVersion: z.string(),
  sentences: z.array(SentenceSpanSchema),
  mentions: z.array(MentionSchema),
  facts: DocumentFactsSchema,
});
export type Extraction = z.infer<typeof ExtractionSchema>;
