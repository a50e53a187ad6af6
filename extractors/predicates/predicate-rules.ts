/**
 * The programme and its predicates: "Zona Integritas" / "ZI", "Wilayah Bebas dari Korupsi" / "WBK",
 * "Wilayah Birokrasi Bersih dan Melayani" / "WBBM", also glued as "ZI-WBK-WBBM" or "WBK/WBBM".
 */
import type { Rule } from '../types.js';

export const ziPredicate: Rule<'predicate'> = {
  name: 'zi-predicate',
  kind: 'predicate',
  pattern: /(?<![\p{L}])(?:(?<wbbm>WBBM)|(?<wbk>WBK)|(?<zi>ZI))(?![\p{L}])/gu,
  examples: [
    ['menuju WBK', { predicate: 'WBK' }],
    ['predikat WBBM', { predicate: 'WBBM' }],
    ['ZI-WBK-WBBM', { predicate: 'ZI' }],
    ['menuju WBK/WBBM', { predicate: 'WBK' }],
    ['pembangunan ZI', { predicate: 'ZI' }],
    ['WBKS', null],
    ['zi', null],
  ],
  extract(m) {
    if (m.groups?.wbbm) return { predicate: 'WBBM' };
    if (m.groups?.wbk) return { predicate: 'WBK' };
    return { predicate: 'ZI' };
  },
};

/** The written-out names, in any case: headings and PDF reports write them in capitals. */
export const writtenPredicate: Rule<'predicate'> = {
  name: 'written-predicate',
  kind: 'predicate',
  pattern:
    /(?<![\p{L}])(?:(?<wbbm>Wilayah\s+Birokrasi\s+Bersih\s+(?:dan\s+)?Melayani)|(?<wbk>Wilayah\s+Bebas\s+(?:dari\s+)?Korupsi)|(?<zi>Zona\s+Integritas))(?![\p{L}])/giu,
  examples: [
    ['Wilayah Birokrasi Bersih dan Melayani', { predicate: 'WBBM' }],
    ['Wilayah Bebas dari Korupsi', { predicate: 'WBK' }],
    ['Wilayah Bebas Korupsi', { predicate: 'WBK' }],
    ['Menuju Wilayah Birokrasi Bersih dan Melayani (WBBM)', { predicate: 'WBBM' }],
    ['pembangunan Zona Integritas', { predicate: 'ZI' }],
    ['ZONA INTEGRITAS', { predicate: 'ZI' }],
    ['WILAYAH BEBAS DARI KORUPSI', { predicate: 'WBK' }],
    ['zona hijau', null],
    ['zona kuning kepatuhan pelayanan publik', null],
    ['integritas pegawai', null],
    ['Survei Penilaian Integritas', null],
    ['predikat Paripurna', null],
    ['wilayah kerja Puskesmas', null],
  ],
  extract: ziPredicate.extract,
};

export const PREDICATE_RULES = [ziPredicate, writtenPredicate] as const;
