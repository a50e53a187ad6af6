/**
 * Cues for each event kind, from lexicon/event-cues.json: phrases ("desk evaluasi", "evaluasi lapangan",
 * "rakor", "studi tiru") and cue words read through their stem, so that "diusulkannya" and "pengusul"
 * cue a proposal as "diusulkan" does. One rule per kind, so every mention names the kind it cues.
 */
import { type EventType, EventTypeSchema } from '../../models/index.js';
import cues from '../lexicon/event-cues.json' with { type: 'json' };
import { stemOf } from '../morphology/stem.js';
import { anyOf, anyOfSources, wholeWord } from '../patterns.js';
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
    ['berkas pengusulannya', { type: 'proposal' }],
    ['usul saran warga', null],
    ['terus maju', null],
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
    ['mengevaluasinya', { type: 'evaluation' }],
    ['reevaluasinya', null],
    ['evaluator', null],
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
    ['disosialisasikan kepada pegawai', { type: 'coordination' }],
    ['rapatkan barisan', null],
    ['masalah sosial', null],
  ],
  visit: [
    ['menerima kunjungan Tim', { type: 'visit' }],
    ['studi tiru ke', { type: 'visit' }],
    ['dikunjungi tim dari Kabupaten Sumbawa', { type: 'visit' }],
    ['tak kunjung selesai', null],
  ],
};

/**
 * Derivational prefixes, up to two stacked ("memper-", "diper-"): a cue word is a prefixed root, so
 * candidates are found without scanning inside every word. The stemmer then has the last word.
 */
const PREFIXES = '(?:(?:me|pe)(?:m|n|ng|ny)?|di|ter|ber|ke|se|per){0,2}';

interface CueLexicon {
  words: string[];
  phrases: string[];
}

function cueRule(type: EventType): Rule<'event'> {
  const { words, phrases } = (cues as unknown as Record<EventType, CueLexicon>)[type];
  const roots = new Set(words.map(stemOf));
  // A bare root is a cue only where the lexicon lists it bare: "evaluasi" is, "usul" is not.
  const bare = new Set(words.map((w) => w.toLowerCase()).filter((w) => roots.has(w)));
  const alternatives = [...(phrases.length > 0 ? [anyOfSources(phrases)] : [])];
  if (roots.size > 0) alternatives.push(`(?<word>${PREFIXES}(?:${anyOf([...roots])})\\p{L}{0,10})`);
  return {
    name: `event-cue-${type.replace(/_/g, '-')}`,
    kind: 'event',
    pattern: new RegExp(wholeWord(alternatives.join('|')), 'giu'),
    examples: EXAMPLES[type],
    extract(m) {
      const word = m.groups?.word;
      if (word === undefined) return { type };
      const stem = stemOf(word);
      return roots.has(stem) && (stem !== word.toLowerCase() || bare.has(stem)) ? { type } : null;
    },
  };
}

export const EVENT_RULES = EventTypeSchema.options.map(cueRule);
