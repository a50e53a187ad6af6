/**
 * The programme and its predicates: "Zona Integritas" / "ZI", "Wilayah Bebas dari Korupsi" / "WBK",
 * "Wilayah Birokrasi Bersih dan Melayani" / "WBBM", also glued as "ZI-WBK-WBBM" or "WBK/WBBM".
 */
import type { Rule } from '../types.js';

export const ziPredicate: Rule<'predicate'> = {
  name: 'zi-predicate',
  kind: 'predicate',
  pattern:
    /(?<![\p{L}])(?:(?<wbbm>WBBM|Wilayah\s+Birokrasi\s+Bersih\s+(?:dan\s+)?Melayani)|(?<wbk>WBK|Wilayah\s+Bebas\s+(?:dari\s+)?Korupsi)|(?<zi>ZI|Zona\s+Integritas))(?![\p{L}])/gu,
  examples: [
    ['menuju WBK', { predicate: 'WBK' }],
    ['Wilayah Birokrasi Bersih dan Melayani', { predicate: 'WBBM' }],
    ['Wilayah Bebas dari Korupsi', { predicate: 'WBK' }],
    ['pembangunan Zona Integritas', { predicate: 'ZI' }],
    ['ZI-WBK-WBBM', { predicate: 'ZI' }],
    ['zona hijau', null],
  ],
  extract(m) {
    if (m.groups?.wbbm) return { predicate: 'WBBM' };
    if (m.groups?.wbk) return { predicate: 'WBK' };
    return { predicate: 'ZI' };
  },
};

export const PREDICATE_RULES = [ziPredicate] as const;
