import { z } from 'zod';
import { EventTypeSchema, ScoreMetricSchema } from './event-types.js';

/** Fields every mention carries: where it is, which sentence holds it, which rule found it. */
const base = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Index into the document's sentence list. */
  sentence: z.number().int().nonnegative(),
  /** Kebab-case id of the rule that produced it. */
  rule: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
};

export const RegencyMentionSchema = z.object({
  kind: z.literal('regency'),
  ...base,
  /** `Kabupaten X` or `Kota X`. */
  regency: z.string(),
  /** How it was written: a full form, a government or head title, or a bare place name. */
  form: z.enum(['explicit', 'government', 'head', 'bare']),
});

export const UnitMentionSchema = z.object({
  kind: z.literal('unit'),
  ...base,
  /** The name as written, without a trailing regency. */
  name: z.string(),
  /** Full name from the abbreviation dictionary, when the written form is in it. */
  canonical: z.string().nullable(),
  /** A bracketed abbreviation or full form written right after it: `Dinas … (DPMPTSP)`. */
  alias: z.string().nullable(),
  /** The regency written with it (`BKPSDM Kabupaten Probolinggo`), if any. */
  regency: z.string().nullable(),
});

export const OfficialMentionSchema = z.object({
  kind: z.literal('official'),
  ...base,
  name: z.string(),
  role: z.string(),
  nickname: z.string().nullable(),
  regency: z.string().nullable(),
});

export const DateMentionSchema = z.object({
  kind: z.literal('date'),
  ...base,
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  /** 0 = Sunday … 6 = Saturday, when the text names the weekday. */
  weekday: z.number().int().min(0).max(6).nullable(),
  /** `on` dates an activity; `since` opens a range ("sejak 2020", "mulai 2020 lalu"). */
  relation: z.enum(['on', 'since']),
  /** A year relative to a reference year: "tahun lalu" is -1, "tahun ini" 0. */
  relativeYear: z.number().int().nullable(),
  /** Which parts came from context rather than from the text. */
  implied: z.array(z.enum(['year'])),
});

export const PredicateMentionSchema = z.object({
  kind: z.literal('predicate'),
  ...base,
  predicate: z.enum(['WBK', 'WBBM', 'ZI']),
});

export const EventMentionSchema = z.object({
  kind: z.literal('event'),
  ...base,
  type: EventTypeSchema,
});

export const ScoreMentionSchema = z.object({
  kind: z.literal('score'),
  ...base,
  metric: ScoreMetricSchema,
  value: z.union([z.number(), z.string()]),
  label: z.string().nullable(),
  /** The year rated as written near it, or relative to the sentence's year ("tahun sebelumnya"). */
  year: z.number().int().nullable(),
  relativeYear: z.number().int().nullable(),
});

export const MentionSchema = z.discriminatedUnion('kind', [
  RegencyMentionSchema,
  UnitMentionSchema,
  OfficialMentionSchema,
  DateMentionSchema,
  PredicateMentionSchema,
  EventMentionSchema,
  ScoreMentionSchema,
]);
export type Mention = z.infer<typeof MentionSchema>;
export type MentionKind = Mention['kind'];
export type MentionOf<K extends MentionKind> = Extract<Mention, { kind: K }>;
export type RegencyMention = MentionOf<'regency'>;
export type UnitMention = MentionOf<'unit'>;
export type OfficialMention = MentionOf<'official'>;
export type DateMention = MentionOf<'date'>;
export type PredicateMention = MentionOf<'predicate'>;
export type EventMention = MentionOf<'event'>;
export type ScoreMention = MentionOf<'score'>;
