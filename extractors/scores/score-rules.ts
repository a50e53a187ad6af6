/**
 * Figures that rate a regency or unit: "capaian reformasi birokrasi … pada 2024 mencapai skor 81,57 dengan
 * predikat memuaskan", "meningkat dari tahun sebelumnya yang mencatat angka 77,26", "nilai SAKIP predikat BB",
 * "IKM 86,4", "indeks SPI 74,20". Decimal commas and dots both read; the metric is the nearest metric word in
 * the sentence; a threshold ("nilai minimal 75", "dari standar 75") is not a score.
 */
import type { ScoreMetric, SentenceSpan } from '../../models/index.js';
import metrics from '../lexicon/score-metrics.json' with { type: 'json' };
import { anyOf, anyOfSources, scan, wholeWord } from '../patterns.js';
import type { Rule, RuleOutput } from '../types.js';

const METRIC_PATTERNS: readonly [ScoreMetric, RegExp][] = Object.entries(metrics.metrics).map(
  ([metric, sources]) => [metric as ScoreMetric, new RegExp(wholeWord(anyOfSources(sources)), 'giu')],
);
const THRESHOLD = new RegExp(`${wholeWord(anyOfSources(metrics.threshold))}\\s*(?:\\p{L}+\\s+){0,2}$`, 'iu');
const INTRO = anyOfSources(metrics.valueIntro);
const LABEL = anyOf([...metrics.labels, ...metrics.grades]);
const GRADE = anyOf(metrics.grades);

/** How far back a value's metric is looked for when its own sentence names none: a few paragraphs. */
const METRIC_CONTEXT = 1500;

/**
 * The metric word nearest before the value in its sentence, else the first after it in the sentence, else
 * the last one in the text just before the sentence ("Tim penilai internal menilai tiga unit. DPMPTSP
 * meraih nilai 78,45").
 */
function metricNear(text: string, sentence: SentenceSpan, at: number, lookBack: number): ScoreMetric | null {
  const from = Math.max(0, sentence.start - lookBack);
  const scope = text.slice(from, sentence.end);
  let best: { metric: ScoreMetric; distance: number } | null = null;
  for (const [metric, re] of METRIC_PATTERNS) {
    for (const m of scan(re, scope)) {
      const pos = from + m.index;
      const distance =
        pos < sentence.start ? 20_000 + sentence.start - pos : pos <= at ? at - pos : 10_000 + pos - at;
      if (!best || distance < best.distance) best = { metric, distance };
    }
  }
  return best?.metric ?? null;
}

/** The year a value rates: the nearest year before it, or one less after "tahun sebelumnya/lalu". */
function yearNear(
  text: string,
  sentenceStart: number,
  at: number,
): Pick<RuleOutput<'score'>, 'year' | 'relativeYear'> {
  const before = text.slice(sentenceStart, at);
  const years = [...before.matchAll(/(?<![\d.,/])(?:19|20)\d{2}(?![\d.,]\d)/g)];
  const relative = [...before.matchAll(/tahun\s+(?:sebelumnya|lalu)/giu)];
  const lastYear = years.at(-1);
  const lastRelative = relative.at(-1);
  if (lastRelative && (!lastYear || lastRelative.index > lastYear.index)) {
    return lastYear
      ? { year: Number(lastYear[0]) - 1, relativeYear: null }
      : { year: null, relativeYear: -1 };
  }
  if (lastYear) return { year: Number(lastYear[0]), relativeYear: null };
  // "predikat BB untuk tahun 2024": the year the value rates may follow it.
  const after = YEAR_AFTER.exec(text.slice(at, at + 60));
  return { year: after ? Number(after[1]) : null, relativeYear: null };
}

const YEAR_AFTER = /^[^.;\d]{0,40}?(?:untuk|pada|tahun)\s+(?:tahun\s+)?((?:19|20)\d{2})(?!\d)/iu;

function readScore(
  m: RegExpExecArray,
  text: string,
  sentence: SentenceSpan,
  value: number | string,
  metricLookBack: number,
): RuleOutput<'score'> | null {
  const valueAt = m.index + m[0].indexOf(m.groups?.value ?? '', (m.groups?.intro ?? '').length);
  if (THRESHOLD.test(text.slice(Math.max(0, valueAt - 40), valueAt))) return null;
  const metric = metricNear(text, sentence, valueAt, metricLookBack);
  if (metric === null) return null;
  const label = m.groups?.label ?? null;
  return {
    metric,
    value,
    label: label === value ? null : label,
    ...yearNear(text, sentence.start, valueAt),
    start: valueAt,
    end: valueAt + (m.groups?.value ?? '').length,
  };
}

/** An introducing word, then at most two words, right before the value: "tercatat 72,15", "nilai tertinggi, yakni 78,45". */
const INTRO_BEFORE = new RegExp(`${wholeWord(INTRO)}(?:[\\s,:]+[\\p{L}]+){0,2}?[\\s,:]*$`, 'iu');
/** A metric word, then at most five words, right before the value: "IKM 86,4", "Indeks SPI Pemkot Gorontalo tahun 2023 74,20". */
const METRIC_BEFORE = new RegExp(
  `${wholeWord(Object.values(metrics.metrics).flat().join('|'))}(?:[\\s,:()]+[\\p{L}\\d]+){0,5}?[\\s,:()]*$`,
  'iu',
);
const DECIMAL = /(?<![\d.,])\d{1,3},\d{1,3}(?![\d.,]*\d)/u;

/**
 * Whether a number is written as a rated value: introduced ("skor 81,57"), named ("IKM 86,4"), or a decimal
 * continuing a list of values in its sentence ("82,35, sedangkan Kelurahan Tegallega 78,60").
 */
function isIntroduced(text: string, sentence: SentenceSpan, at: number, raw: string): boolean {
  const before = text.slice(Math.max(sentence.start, at - 80), at);
  if (INTRO_BEFORE.test(before) || METRIC_BEFORE.test(before)) return true;
  if (!raw.includes(',')) return false;
  const earlier = DECIMAL.exec(text.slice(sentence.start, at));
  if (earlier === null) return false;
  const earlierAt = sentence.start + earlier.index;
  const beforeEarlier = text.slice(Math.max(sentence.start, earlierAt - 80), earlierAt);
  return INTRO_BEFORE.test(beforeEarlier) || METRIC_BEFORE.test(beforeEarlier);
}

export const numericScore: Rule<'score'> = {
  name: 'numeric-score',
  kind: 'score',
  pattern: new RegExp(
    `(?<![\\d.,/:])(?<value>\\d{1,3}(?:[.,]\\d{1,3})?)(?![\\d.,]*\\d)(?![.,]?\\d|\\s*/|\\s*\\(\\p{Ll})(?!\\s*(?:${anyOfSources(metrics.notScoreAfter)})(?![\\p{L}]))(?:\\s*(?:\\(|,)?\\s*(?:dengan\\s+)?(?:predikat|kategori|kriteria|atau|berpredikat)\\s+["“‘']?(?<label>${LABEL})["”’']?(?![\\p{L}]))?`,
    'giu',
  ),
  examples: [
    [
      'capaian reformasi birokrasi pada 2024 mencapai skor 81,57 dengan predikat memuaskan',
      { metric: 'reformasi_birokrasi', value: 81.57, year: 2024, label: 'memuaskan' },
    ],
    [
      'reformasi birokrasi pada 2024 naik dari tahun sebelumnya yang mencatat angka 77,26.',
      { value: 77.26, year: 2023 },
    ],
    ['nilai IKM sebesar 86,4', { metric: 'kepuasan_masyarakat', value: 86.4 }],
    ['IKM 86,4 pada semester lalu', { metric: 'kepuasan_masyarakat', value: 86.4 }],
    [
      'Indeks Reformasi Birokrasi Kabupaten Lombok Timur tahun 2023 tercatat 72,15 dengan predikat BB',
      { metric: 'reformasi_birokrasi', value: 72.15, year: 2023, label: 'BB' },
    ],
    [
      'Nilai LKE Diskominfo 82,35, sedangkan Kelurahan Tegallega 78,60.',
      { metric: 'zona_integritas', value: 78.6 },
    ],
    ['dapat nilai 78,1 dari standar 75 untuk bisa diusulkan ZI', { metric: 'zona_integritas', value: 78.1 }],
    ['syarat nilai minimal 75 untuk zona integritas', null],
    ['nilai 1.118 pada lomba kecamatan', null],
    ['sebanyak 12 unit kerja mengikuti ZI', null],
    ['anggaran ZI mencapai 2,5 miliar', null],
    ['zona integritas dimulai pukul 09.00 WIB', null],
    ['SAKIP tahun 2023', null],
    ['LKE zona integritas memuat 6 (enam) area perubahan', null],
  ],
  extract(m, text, _ctx, sentence) {
    const raw = m.groups?.value ?? '';
    // A dot followed by exactly three digits groups thousands ("1.118"); a 0–100 index never has one.
    if (/\.\d{3}$/.test(raw)) return null;
    const value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > 100) return null;
    if (!isIntroduced(text, sentence, m.index, raw)) return null;
    return readScore(m, text, sentence, value, METRIC_CONTEXT);
  },
};

export const gradeScore: Rule<'score'> = {
  name: 'grade-score',
  kind: 'score',
  pattern: new RegExp(
    `(?<intro>(?<![\\p{L}])(?:predikat|nilai|kategori|peringkat|berpredikat|bernilai))\\s+(?:(?:SAKIP|AKIP|RB)\\s+)?["“‘']?(?<value>${GRADE})["”’']?(?![\\p{L}\\d])`,
    'gu',
  ),
  examples: [
    ['nilai SAKIP tahun 2023 dengan predikat BB', { metric: 'sakip', value: 'BB', year: 2023 }],
    ['meraih predikat “A” untuk SAKIP', { metric: 'sakip', value: 'A' }],
    ['Indeks RB 2024 naik, nilai SAKIP predikat A', { metric: 'sakip', value: 'A' }],
    ['meraih predikat SAKIP BB untuk tahun 2024', { metric: 'sakip', value: 'BB', year: 2024 }],
    ['predikat BB', null],
    ['SAKIP minimal B agar bisa diusulkan', null],
    ['predikat A dari tim surveyor akreditasi', null],
    ['indeks RB 74,80 dengan predikat BB', null],
  ],
  extract(m, text, _ctx, sentence) {
    // "74,80 dengan predikat BB": the grade labels the number before it, it is not a second score.
    if (
      /(?<!\d)\d{1,3}(?:[.,]\d{1,3})?\s*[(,]?\s*(?:dengan\s+)?$/u.test(
        text.slice(Math.max(0, m.index - 20), m.index),
      )
    )
      return null;
    const grade = m.groups?.value ?? '';
    // A letter grade is too ambiguous to borrow its metric from another sentence.
    const found = readScore(m, text, sentence, grade, 0);
    // A letter grade only rates SAKIP or the RB index; elsewhere "nilai B" is too loose to read.
    return found && (found.metric === 'sakip' || found.metric === 'reformasi_birokrasi') ? found : null;
  },
};

export const SCORE_RULES = [numericScore, gradeScore] as const;
