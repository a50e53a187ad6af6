import { z } from 'zod';
import { PartialDateSchema } from './dates.js';
import { EventTypeSchema, PredicateSchema, ScoreMetricSchema } from './event-types.js';

/** The zi-gold/1 annotation format (../shared/gold-format.md), read for evaluation and written as predictions. */
export const GoldDocumentSchema = z.object({
  format: z.literal('zi-gold/1'),
  doc: z.string(),
  url: z.string().nullable(),
  published: PartialDateSchema.nullable(),
  regencies: z.array(z.string()),
  units: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()).optional(),
      regency: z.string().nullable(),
    }),
  ),
  officials: z.array(z.object({ name: z.string(), role: z.string(), regency: z.string().nullable() })),
  events: z.array(
    z.object({
      type: EventTypeSchema,
      date: PartialDateSchema.nullable(),
      regency: z.string(),
      host: z.string().nullable().optional(),
      units: z.array(z.string()),
      predicate: PredicateSchema.nullable(),
    }),
  ),
  awards: z.array(
    z.object({
      unit: z.string(),
      regency: z.string().nullable(),
      predicate: PredicateSchema.nullable(),
      year: z.number().int().nullable(),
    }),
  ),
  scores: z.array(
    z.object({
      metric: ScoreMetricSchema,
      value: z.union([z.number(), z.string()]),
      year: z.number().int().nullable(),
      regency: z.string().nullable(),
      label: z.string().nullable(),
    }),
  ),
});
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;
