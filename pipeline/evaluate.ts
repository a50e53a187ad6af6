import type { GoldDocument } from '../models/index.js';

/**
 * Precision, recall and F1 per field over a corpus, with the matching rules of zi-gold/1
 * (../shared/gold-format.md "Scoring"); a test holds it to the reference scorer's figures.
 */
export const FIELDS = ['regencies', 'units', 'officials', 'events', 'awards', 'scores', 'published'] as const;
export type Field = (typeof FIELDS)[number];
/** The fields whose F1s average into the macro F1 the quality gate reads. */
export const CORE_FIELDS: readonly Field[] = ['units', 'officials', 'events', 'awards', 'scores'];

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export interface EvaluationReport {
  documents: number;
  predicted: number;
  fields: Record<Field, FieldScore>;
  roleAccuracy: number | null;
  eventUnitJaccard: number | null;
  macroF1: number;
  errors: string[];
}

const fold = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Honorifics and degree parts that a name is compared without (as the reference scorer drops them). */
const NAME_NOISE = new Set(
  'dr drg h hj ir drs dra prof gus kh k hc s sos si sh se st sp sk skm ked kep kom pd ap ag ip mm m mh msi mpd mkes mph mba mt msc phd kes ak ca mars mkn mak ma stp sst ssi sth sip mi mkm ns'.split(
    ' ',
  ),
);
const personKey = (s: string) =>
  fold(s.replace(/\([^)]*\)/g, ' '))
    .split(' ')
    .filter((w) => w && !NAME_NOISE.has(w))
    .join(' ');

/** Role abbreviations written out before roles are compared word by word. */
const ROLE_WORDS: Readonly<Record<string, string>> = {
  sekda: 'sekretaris daerah',
  setda: 'sekretariat daerah',
  setdakab: 'sekretariat daerah kabupaten',
  setdakot: 'sekretariat daerah kota',
  kabag: 'kepala bagian',
  kasubag: 'kepala sub bagian',
  kasubbag: 'kepala sub bagian',
  kadis: 'kepala dinas',
  kadin: 'kepala dinas',
  pj: 'penjabat',
  plt: 'pelaksana tugas',
  plh: 'pelaksana harian',
  kesra: 'kesejahteraan rakyat',
  wabup: 'wakil bupati',
  kapus: 'kepala puskesmas',
  kaban: 'kepala badan',
  kabid: 'kepala bidang',
  irban: 'inspektur pembantu',
  kapolres: 'kepala kepolisian resor',
  kakan: 'kepala kantor',
  dirut: 'direktur utama',
  i: 'pemerintahan',
  ii: 'perekonomian pembangunan',
  iii: 'administrasi umum',
};
const ROLE_IGNORED = new Set(['dan', 'kabupaten', 'kota', 'pemkab', 'pemkot', 'serta', 'di', 'pada', 'yang']);
function roleSet(role: string): Set<string> {
  const words = fold(role)
    .split(' ')
    .flatMap((w) => (ROLE_WORDS[w] ?? w).split(' '));
  return new Set(words.filter((w) => w && !ROLE_IGNORED.has(w)));
}
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

type Tally = Record<Field, { tp: number; fp: number; fn: number }>;

/** Greedy one-to-one matching in prediction order, as the reference does. */
function matchField<P, G>(
  tally: Tally,
  errors: string[],
  field: Field,
  doc: string,
  gold: readonly G[],
  pred: readonly P[],
  same: (p: P, g: G) => boolean,
  show: (x: P | G) => string,
): [P, G][] {
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  for (const p of pred) {
    const i = gold.findIndex((g, j) => !used.has(j) && same(p, g));
    if (i < 0) {
      tally[field].fp++;
      errors.push(`${doc} ${field} FP ${show(p)}`);
      continue;
    }
    used.add(i);
    pairs.push([p, gold[i] as G]);
    tally[field].tp++;
  }
  gold.forEach((g, j) => {
    if (!used.has(j)) {
      tally[field].fn++;
      errors.push(`${doc} ${field} FN ${show(g)}`);
    }
  });
  return pairs;
}

export function evaluate(
  gold: ReadonlyMap<string, GoldDocument>,
  pred: ReadonlyMap<string, Partial<GoldDocument>>,
): EvaluationReport {
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Tally;
  const errors: string[] = [];
  let roleOk = 0;
  let roleN = 0;
  let jaccardSum = 0;
  let jaccardN = 0;
  for (const [doc, G] of gold) {
    const P = pred.get(doc) ?? {};
    const goldUnits = G.units ?? [];
    const predUnits = P.units ?? [];
    const forms = (u: { name: string; aliases?: string[] }) => [u.name, ...(u.aliases ?? [])].map(fold);
    const groupOf = new Map<string, string>();
    goldUnits.forEach((u, i) => {
      for (const f of forms(u)) groupOf.set(f, `#${i}`);
    });
    const predGroupOf = new Map<string, string>();
    for (const u of predUnits) {
      const group = forms(u)
        .map((f) => groupOf.get(f))
        .find(Boolean);
      if (group) for (const f of forms(u)) predGroupOf.set(f, group);
    }
    const goldRef = (n: string) => groupOf.get(fold(n)) ?? fold(n);
    const predRef = (n: string) => groupOf.get(fold(n)) ?? predGroupOf.get(fold(n)) ?? fold(n);

    matchField(
      tally,
      errors,
      'regencies',
      doc,
      G.regencies ?? [],
      P.regencies ?? [],
      (p, g) => fold(p) === fold(g),
      String,
    );
    matchField(
      tally,
      errors,
      'units',
      doc,
      goldUnits,
      predUnits,
      (p, g) => forms(p).some((f) => forms(g).includes(f)),
      (u) => u.name,
    );
    const officials = matchField(
      tally,
      errors,
      'officials',
      doc,
      G.officials ?? [],
      P.officials ?? [],
      (p, g) => personKey(g.name) !== '' && personKey(p.name) === personKey(g.name),
      (o) => `${o.name} / ${o.role}`,
    );
    for (const [p, g] of officials) {
      roleN++;
      if (dice(roleSet(p.role), roleSet(g.role)) >= 0.5) roleOk++;
    }
    const events = matchField(
      tally,
      errors,
      'events',
      doc,
      G.events ?? [],
      P.events ?? [],
      (p, g) =>
        p.type === g.type && (p.date ?? null) === (g.date ?? null) && fold(p.regency) === fold(g.regency),
      (e) => `${e.type} ${e.date} ${e.regency}`,
    );
    for (const [p, g] of events) {
      const gs = new Set(g.units.map(goldRef));
      const ps = new Set(p.units.map(predRef));
      const union = new Set([...gs, ...ps]).size;
      const shared = [...ps].filter((u) => gs.has(u)).length;
      jaccardN++;
      jaccardSum += union === 0 ? 1 : shared / union;
    }
    matchField(
      tally,
      errors,
      'awards',
      doc,
      G.awards ?? [],
      P.awards ?? [],
      (p, g) =>
        predRef(p.unit) === goldRef(g.unit) &&
        (p.predicate ?? null) === (g.predicate ?? null) &&
        (g.year == null || p.year === g.year),
      (a) => `${a.unit} ${a.predicate} ${a.year}`,
    );
    matchField(
      tally,
      errors,
      'scores',
      doc,
      G.scores ?? [],
      P.scores ?? [],
      (p, g) =>
        p.metric === g.metric &&
        (p.year ?? null) === (g.year ?? null) &&
        (typeof g.value === 'number'
          ? Math.abs(Number(p.value) - g.value) <= 0.01
          : fold(p.value) === fold(g.value)),
      (s) => `${s.metric} ${s.value} ${s.year}`,
    );
    matchField(
      tally,
      errors,
      'published',
      doc,
      G.published ? [G.published] : [],
      P.published ? [P.published] : [],
      (p, g) => p === g,
      String,
    );
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, withRates(tally[f])])) as Record<Field, FieldScore>;
  return {
    documents: gold.size,
    predicted: [...gold.keys()].filter((d) => pred.has(d)).length,
    fields,
    roleAccuracy: roleN ? roleOk / roleN : null,
    eventUnitJaccard: jaccardN ? jaccardSum / jaccardN : null,
    macroF1: CORE_FIELDS.reduce((s, f) => s + fields[f].f1, 0) / CORE_FIELDS.length,
    errors,
  };
}

/** An empty field (nothing predicted, nothing expected) counts as perfect, as in the reference. */
function withRates({ tp, fp, fn }: { tp: number; fp: number; fn: number }): FieldScore {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function formatReport(report: EvaluationReport): string {
  const pct = (x: number | null) => (x === null ? '  -  ' : (100 * x).toFixed(1).padStart(5));
  const lines = [
    `documents ${report.documents}, with a prediction ${report.predicted}`,
    'field        tp   fp   fn      P      R     F1',
    ...FIELDS.map((f) => {
      const s = report.fields[f];
      return `${f.padEnd(10)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}`;
    }),
    `role accuracy ${pct(report.roleAccuracy)}   event unit overlap ${pct(report.eventUnitJaccard)}`,
    `macro F1 (units, officials, events, awards, scores): ${pct(report.macroF1)}`,
  ];
  return lines.join('\n');
}
