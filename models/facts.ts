import { z } from 'zod';
import { PartialDateSchema } from './dates.js';
import { EventTypeSchema, PredicateSchema, ScoreMetricSchema } from './event-types.js';

/** The sentence a fact was read from, by offsets into the document text. */
export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  rule: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const UnitFactSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  /** Dictionary full name when known; the key that resolves the unit across documents. */
  canonical: z.string().nullable(),
  regency: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});

export const OfficialFactSchema = z.object({
  name: z.string(),
  role: z.string(),
  aliases: z.array(z.string()),
  regency: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});

export const EventFactSchema = z.object({
  type: EventTypeSchema,
  date: PartialDateSchema.nullable(),
  regency: z.string(),
  host: z.string().nullable(),
  units: z.array(z.string()),
  predicate: PredicateSchema.nullable(),
  evidence: z.array(EvidenceSchema),
});

export const AwardFactSchema = z.object({
  unit: z.string(),
  regency: z.string().nullable(),
  predicate: PredicateSchema.nullable(),
  year: z.number().int().nullable(),
  evidence: z.array(EvidenceSchema),
});

export const ScoreFactSchema = z.object({
  metric: ScoreMetricSchema,
  value: z.union([z.number(), z.string()]),
  year: z.number().int().nullable(),
  regency: z.string().nullable(),
  label: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});

/** Everything one document says about the programme, each fact with the sentences behind it. */
export const DocumentFactsSchema = z.object({
  regencies: z.array(z.string()),
  units: z.array(UnitFactSchema),
  officials: z.array(OfficialFactSchema),
  events: z.array(EventFactSchema),
  awards: z.array(AwardFactSchema),
  scores: z.array(ScoreFactSchema),
});
export type UnitFact = z.infer<typeof UnitFactSchema>;
export type OfficialFact = z.infer<typeof OfficialFactSchema>;
export type EventFact = z.infer<typeof EventFactSchema>;
export type AwardFact = z.infer<typeof AwardFactSchema>;
export type ScoreFact = z.infer<typeof ScoreFactSchema>;
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;
