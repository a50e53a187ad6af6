import { z } from 'zod';
import { PartialDateSchema } from './dates.js';
import { EventTypeSchema, PredicateSchema } from './event-types.js';

/**
 * zi-dedup/1: the timeline a group of documents that report the same activities must merge into. Each
 * event lists the documents (base names) that report it.
 */
export const DedupGoldSchema = z.object({
  format: z.literal('zi-dedup/1'),
  events: z.array(
    z.object({
      regency: z.string(),
      type: EventTypeSchema,
      date: PartialDateSchema.nullable(),
      units: z.array(z.string()),
      predicate: PredicateSchema.nullable(),
      documents: z.array(z.string()).min(1),
    }),
  ),
});
export type DedupGold = z.infer<typeof DedupGoldSchema>;
