import { z } from 'zod';
import { PartialDateSchema } from './dates.js';
import { EventTypeSchema, PredicateSchema } from './event-types.js';

/** One document's support for a timeline event: where and in which sentence it says so. */
export const EventSourceSchema = z.object({
  documentId: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: PartialDateSchema.nullable(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  extractorVersion: z.string(),
});
export type EventSource = z.infer<typeof EventSourceSchema>;

export const TimelineEventSchema = z.object({
  /** Stable id derived from what identifies the event, so re-runs keep it. */
  id: z.string(),
  regency: z.string(),
  type: EventTypeSchema,
  date: PartialDateSchema.nullable(),
  host: z.string().nullable(),
  predicate: PredicateSchema.nullable(),
  units: z.array(z.string()),
  sources: z.array(EventSourceSchema).min(1),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelineQuerySchema = z.object({
  regency: z.string().min(1).optional(),
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;
