import { z } from 'zod';

/** The activity kinds of zi-gold/1, in the order a unit meets them. */
export const EventTypeSchema = z.enum([
  'commitment',
  'internal_assessment',
  'proposal',
  'desk_evaluation',
  'field_evaluation',
  'evaluation',
  'award',
  'coordination',
  'visit',
]);
export type EventType = z.infer<typeof EventTypeSchema>;

export const PredicateSchema = z.enum(['WBK', 'WBBM']);
export type Predicate = z.infer<typeof PredicateSchema>;

export const ScoreMetricSchema = z.enum([
  'reformasi_birokrasi',
  'sakip',
  'zona_integritas',
  'kepuasan_masyarakat',
  'persepsi_korupsi',
  'pelayanan_publik',
  'other',
]);
export type ScoreMetric = z.infer<typeof ScoreMetricSchema>;
