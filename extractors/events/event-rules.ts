/**
 * Cue words for each event kind, from lexicon/event-cues.json: "desk evaluasi", "evaluasi lapangan",
 * "pencanangan", "rakor", "studi tiru"… One rule per kind, so every mention names the kind it cues.
 */
import { type EventType, EventTypeSchema } from '../../models/index.js';
import cues from '../lexicon/event-cues.json' with { type: 'json' };
import { anyOfSources, wholeWord } from '../patterns.js';
import type { Rule, RuleExample } from '../types.js';

const EXAMPLES: Readonly<Record<EventType, readonly RuleExample<'event'>[]>> = {
  commitment: [
    ['menggelar Deklarasi Perluasan Pembangunan Zona Integritas', { type: 'commitment' }],
    ['penandatanganan pakta integritas', { type: 'commitment' }],
    ['pencanangan', { type: 'commitment' }],
    ['komitmen pribadi pegawai', null],
  ],
  internal_assessment: [
    ['Tim Penilai Internal (TPI)', { type: 'internal_assessment' }],
    ['penilaian mandiri', { type: 'internal_assessment' }],
    ['Kantor Imigrasi Kelas II TPI Pangkalan Bun', null],
    ['penilaian kinerja pegawai', null],
  ],
  proposal: [
    ['diusulkan ke KemenPANRB', { type: 'proposal' }],
    ['telah mengajukan empat unit kerja', { type: 'proposal' }],
    ['usul saran warga', null],
  ],
  desk_evaluation: [
    ['mengikuti Desk Evaluasi Virtual', { type: 'desk_evaluation' }],
    ['wawancara daring', { type: 'desk_evaluation' }],
    ['meja kerja', null],
  ],
  field_evaluation: [
    ['evaluasi lapangan', { type: 'field_evaluation' }],
    ['verifikasi lapangan oleh', { type: 'field_evaluation' }],
    ['lapangan sepak bola', null],
  ],
  evaluation: [
    ['evaluasi ini', { type: 'evaluation' }],
    ['dievaluasi', { type: 'evaluation' }],
    ['reevaluasinya', null],
  ],
  award: [
    ['penganugerahan predikat WBK', { type: 'award' }],
    ['penyerahan predikat', { type: 'award' }],
    ['tanda terima', null],
  ],
  coordination: [
    ['menggelar rakor', { type: 'coordination' }],
    ['bimbingan teknis', { type: 'coordination' }],
    ['sosialisasi', { type: 'coordination' }],
    ['rapatkan barisan', null],
  ],
  visit: [
    ['menerima kunjungan Tim', { type: 'visit' }],
    ['studi tiru ke', { type: 'visit' }],
    ['kunjungilah', null],
  ],
};

function cueRule(type: EventType): Rule<'event'> {
  const sources = (cues as unknown as Record<string, string[]>)[type] ?? [];
  return {
    name: `event-cue-${type.replace(/_/g, '-')}`,
    kind: 'event',
    pattern: new RegExp(wholeWord(anyOfSources(sources)), 'giu'),
    examples: EXAMPLES[type],
    extract: () => ({ type }),
  };
}

export const EVENT_RULES = EventTypeSchema.options.map(cueRule);
