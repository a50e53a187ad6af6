import { describe, expect, it } from 'vitest';
import type { DocumentFacts, EventFact } from '../../models/index.js';
import { merge, type StoredExtraction } from '../../pipeline/merge/index.js';

const TEXT = 'Sumber kalimat untuk bukti.';
const evidence = [{ start: 0, end: TEXT.length, rule: 'test' }];

function doc(id: string, facts: Partial<DocumentFacts>): StoredExtraction {
  return {
    document: { id, source: `${id}.txt`, url: null, title: null, published: null },
    extractorVersion: 'test',
    facts: { regencies: [], units: [], officials: [], events: [], awards: [], scores: [], ...facts },
  };
}

const unit = (name: string, regency: string, aliases: string[] = [], canonical: string | null = null) => ({
  name,
  aliases,
  canonical,
  regency,
  evidence,
});

const event = (
  type: EventFact['type'],
  date: string | null,
  regency: string,
  units: string[],
  predicate: EventFact['predicate'] = null,
): EventFact => ({
  type,
  date,
  regency,
  host: null,
  units,
  predicate,
  evidence,
});

const PROBOLINGGO = 'Kabupaten Probolinggo';

/** Three outlets report one desk evaluation: different names for one unit, dates at different precision. */
const deskEvaluation = [
  doc('a', {
    units: [unit('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', PROBOLINGGO, ['DPMPTSP'])],
    events: [
      event(
        'desk_evaluation',
        '2025-08-28',
        PROBOLINGGO,
        ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
        'WBK',
      ),
    ],
  }),
  doc('b', {
    units: [unit('Dinas PMPTSP', PROBOLINGGO)],
    events: [event('desk_evaluation', '2025-08', PROBOLINGGO, ['Dinas PMPTSP'], 'WBK')],
  }),
  doc('c', {
    units: [unit('DPMPTSP Kabupaten Probolinggo', PROBOLINGGO)],
    events: [event('evaluation', 'XXXX-08-28', PROBOLINGGO, ['DPMPTSP Kabupaten Probolinggo'])],
  }),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

describe('the merge', () => {
  it('makes one event of one activity reported three ways, with every source', () => {
    const { events, units } = merge(deskEvaluation);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'desk_evaluation',
      date: '2025-08-28',
      predicate: 'WBK',
      regency: PROBOLINGGO,
    });
    expect(new Set(events[0]?.sources.map((s) => s.documentId))).toEqual(new Set(['a', 'b', 'c']));
    expect(units).toHaveLength(1);
    expect(units[0]?.name).toBe('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu');
    expect(units[0]?.aliases).toEqual(expect.arrayContaining(['DPMPTSP', 'Dinas PMPTSP']));
    expect(units[0]?.latestStage).toBe('evaluated');
  });

  it.each(permutations([0, 1, 2]))('gives the same timeline for documents in order %j', (...order) => {
    expect(merge(order.map((i) => deskEvaluation[i] as StoredExtraction))).toEqual(merge(deskEvaluation));
  });

  it('refines a date known only to the month, or without a year, from another source', () => {
    const { events } = merge([deskEvaluation[1] as StoredExtraction, deskEvaluation[2] as StoredExtraction]);
    expect(events.map((e) => e.date)).toEqual(['2025-08-28']);
  });

  it('keeps Kabupaten and Kota of one name apart', () => {
    const kota = 'Kota Probolinggo';
    const { events, units } = merge([
      doc('k1', {
        units: [unit('Puskesmas Kedopok', kota)],
        events: [event('proposal', '2025-07', kota, ['Puskesmas Kedopok'])],
      }),
      doc('k2', {
        units: [unit('Puskesmas Leces', PROBOLINGGO)],
        events: [event('proposal', '2025-07', PROBOLINGGO, ['Puskesmas Leces'])],
      }),
    ]);
    expect(events.map((e) => e.regency).sort()).toEqual([PROBOLINGGO, kota]);
    expect(units.map((u) => u.regency).sort()).toEqual([PROBOLINGGO, kota]);
  });

  it('keeps two activities apart when their dates disagree or their units do not overlap', () => {
    const { events } = merge([
      doc('d1', {
        units: [unit('Puskesmas Leces', PROBOLINGGO)],
        events: [event('desk_evaluation', '2025-08-26', PROBOLINGGO, ['Puskesmas Leces'])],
      }),
      doc('d2', {
        units: [unit('Puskesmas Leces', PROBOLINGGO)],
        events: [event('desk_evaluation', '2025-08-27', PROBOLINGGO, ['Puskesmas Leces'])],
      }),
      doc('d3', {
        units: [unit('Puskesmas Gending', PROBOLINGGO)],
        events: [event('desk_evaluation', '2025-08-26', PROBOLINGGO, ['Puskesmas Gending'])],
      }),
    ]);
    expect(events).toHaveLength(3);
  });

  it('keeps a disagreement on the predicate and flags it', () => {
    const { events } = merge([
      doc('p1', {
        units: [unit('RSUD Tongas', PROBOLINGGO)],
        events: [event('award', '2024-12-11', PROBOLINGGO, ['RSUD Tongas'], 'WBK')],
      }),
      doc('p2', {
        units: [unit('RSUD Tongas', PROBOLINGGO)],
        events: [event('award', '2024-12-11', PROBOLINGGO, ['RSUD Tongas'], 'WBBM')],
      }),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.predicate).toBeNull();
    expect(events[0]?.conflicts).toEqual([
      {
        field: 'predicate',
        values: [
          { value: 'WBBM', documentIds: ['p2'] },
          { value: 'WBK', documentIds: ['p1'] },
        ],
      },
    ]);
  });

  it('tracks each unit from declaration to award, and flags two award years', () => {
    const leces = unit('Puskesmas Leces', PROBOLINGGO);
    const award = (year: number) => ({
      unit: 'Puskesmas Leces',
      regency: PROBOLINGGO,
      predicate: 'WBK' as const,
      year,
      evidence,
    });
    const { units } = merge([
      doc('s1', {
        units: [leces],
        events: [event('commitment', '2024-01-15', PROBOLINGGO, ['Puskesmas Leces'])],
      }),
      doc('s2', {
        units: [leces],
        events: [event('proposal', '2024-07', PROBOLINGGO, ['Puskesmas Leces'], 'WBK')],
      }),
      doc('s3', { units: [leces], awards: [award(2024)] }),
      doc('s4', { units: [leces], awards: [award(2023)] }),
    ]);
    expect(units).toHaveLength(1);
    const [status] = units;
    expect(status?.stages.map((s) => s.stage)).toEqual(['declared', 'proposed']);
    expect(status?.latestStage).toBe('awarded');
    expect(status?.predicate).toBe('WBK');
    expect(status?.year).toBe(2024);
    expect(status?.conflicts).toEqual([
      {
        field: 'WBK year',
        values: [
          { value: '2023', documentIds: ['s4'] },
          { value: '2024', documentIds: ['s3'] },
        ],
      },
    ]);
    expect(status?.documentIds).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('makes one person of a name with and without its first names, and keeps two people apart', () => {
    const official = (name: string, role: string) => ({
      name,
      role,
      aliases: [],
      regency: PROBOLINGGO,
      evidence,
    });
    const { officials } = merge([
      doc('o1', { officials: [official('Moch. Sahlan Efendi', 'Asisten Administrasi Umum')] }),
      doc('o2', { officials: [official('Sahlan Efendi', 'Asisten III Setda')] }),
      doc('o3', {
        officials: [official('Efendi', 'Asisten Administrasi Umum'), official('Imron Rosyadi', 'Inspektur')],
      }),
    ]);
    expect(officials.map((o) => o.name)).toEqual(['Imron Rosyadi', 'Moch. Sahlan Efendi']);
    expect(officials[1]?.aliases).toEqual(['Efendi', 'Sahlan Efendi']);
    expect(officials[1]?.roles).toEqual(['Asisten Administrasi Umum', 'Asisten III Setda']);
    expect(officials[1]?.documentIds).toEqual(['o1', 'o2', 'o3']);
  });

  it('keeps two scores for one year side by side, flagged', () => {
    const score = (value: number, year: number) => ({
      metric: 'reformasi_birokrasi' as const,
      value,
      year,
      regency: PROBOLINGGO,
      label: null,
      evidence,
    });
    const { scores } = merge([
      doc('r1', { scores: [score(72.35, 2024), score(70.1, 2023)] }),
      doc('r2', { scores: [score(72.53, 2024)] }),
      doc('r3', { scores: [score(70.1, 2023)] }),
    ]);
    expect(scores.map((x) => [x.year, x.value, x.documentIds])).toEqual([
      [2023, 70.1, ['r1', 'r3']],
      [2024, null, ['r1', 'r2']],
    ]);
    expect(scores[1]?.conflicts).toEqual([
      {
        field: 'value',
        values: [
          { value: '72.35', documentIds: ['r1'] },
          { value: '72.53', documentIds: ['r2'] },
        ],
      },
    ]);
  });
});
