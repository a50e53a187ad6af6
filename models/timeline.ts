import { z } from 'zod';
import { PartialDateSchema } from './dates.js';
import { EventTypeSchema, PredicateSchema, ScoreMetricSchema } from './event-types.js';

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
  /**
   * The PDF page the sentence starts on, from 1; null for HTML and text, and for a PDF stored before
   * page spans were kept. Events stored before then have no such field and read as null.
   */
  page: z.number().int().positive().nullable().default(null),
  extractorVersion: z.string(),
});
export type EventSource = z.infer<typeof EventSourceSchema>;

/** Sources that disagree on a field, each value with the documents that give it: kept, never resolved. */
export const ConflictSchema = z.object({
  field: z.string(),
  values: z.array(z.object({ value: z.string(), documentIds: z.array(z.string()).min(1) })).min(2),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const TimelineEventSchema = z.object({
  /** Stable id derived from what identifies the event, so re-runs keep it. */
  id: z.string(),
  regency: z.string(),
  type: EventTypeSchema,
  date: PartialDateSchema.nullable(),
  host: z.string().nullable(),
  predicate: PredicateSchema.nullable(),
  /** Display names of the units, one per resolved unit. */
  units: z.array(z.string()),
  unitIds: z.array(z.string()),
  conflicts: z.array(ConflictSchema),
  sources: z.array(EventSourceSchema).min(1),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * An event as a list shows it: everything but its sources, which it counts. One event can be reported by
 * hundreds of documents; a page of a timeline stays the same size whoever reported its events, and an
 * event's sources with their sentences are read one event at a time.
 */
export const TimelineEventSummarySchema = TimelineEventSchema.omit({ sources: true }).extend({
  /** The documents that report the event. */
  sourceCount: z.number().int().nonnegative(),
});
export type TimelineEventSummary = z.infer<typeof TimelineEventSummarySchema>;

export function summarizeEvent({ sources, ...event }: TimelineEvent): TimelineEventSummary {
  return { ...event, sourceCount: new Set(sources.map((s) => s.documentId)).size };
}

export const TimelineQuerySchema = z.object({
  regency: z.string().min(1).optional(),
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/** The programme's stages a unit goes through, in order. */
export const StageSchema = z.enum(['declared', 'proposed', 'evaluated', 'awarded']);
export type Stage = z.infer<typeof StageSchema>;

/** One unit of a regency, under all the names the sources use, with its progress through the programme. */
export const UnitStatusSchema = z.object({
  id: z.string(),
  regency: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  /** Each stage reached, with the date of the event that shows it. */
  stages: z.array(z.object({ stage: StageSchema, date: PartialDateSchema.nullable(), eventId: z.string() })),
  latestStage: StageSchema.nullable(),
  awards: z.array(z.object({ predicate: PredicateSchema.nullable(), year: z.number().int().nullable() })),
  predicate: PredicateSchema.nullable(),
  year: z.number().int().nullable(),
  conflicts: z.array(ConflictSchema),
  documentIds: z.array(z.string()),
});
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

/** One person of a regency, under every form of the name the sources use, with the roles they give. */
export const OfficialRecordSchema = z.object({
  id: z.string(),
  regency: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  documentIds: z.array(z.string()),
});
export type OfficialRecord = z.infer<typeof OfficialRecordSchema>;

/** A figure that rates a regency for one year; sources that give two values for it are kept and flagged. */
export const ScoreRecordSchema = z.object({
  regency: z.string(),
  metric: ScoreMetricSchema,
  year: z.number().int().nullable(),
  /** The value the sources agree on, or null where they disagree. */
  value: z.union([z.number(), z.string()]).nullable(),
  label: z.string().nullable(),
  conflicts: z.array(ConflictSchema),
  documentIds: z.array(z.string()),
});
export type ScoreRecord = z.infer<typeof ScoreRecordSchema>;

/** A regency in the timeline with how much the store holds on it. */
export const RegencySummarySchema = z.object({
  regency: z.string(),
  events: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  awarded: z.number().int().nonnegative(),
});
export type RegencySummary = z.infer<typeof RegencySummarySchema>;
