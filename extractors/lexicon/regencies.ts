import { getDistricts, getProvinces, getRegencies } from 'idn-area-data';
import { pushTo } from '../collections.js';

/**
 * The kabupaten and kota of Indonesia from idn-area-data (the official area codes), with their
 * kecamatan. Loaded once at start-up; extractors only read it.
 */
export interface RegencyEntry {
  code: string;
  kind: 'Kabupaten' | 'Kota';
  /** The place name without its kind: "Probolinggo". */
  place: string;
  /** How zi-gold/1 writes it: "Kabupaten Probolinggo". */
  name: string;
  province: string;
}

const SMALL_WORDS = new Set(['dan', 'di', 'ke', 'da']);

/** "PANGKAJENE DAN KEPULAUAN" → "Pangkajene dan Kepulauan"; "TOJO UNA-UNA" → "Tojo Una-Una". */
export function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w)
        ? w
        : w.replace(/(^|[-'’(])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase()),
    )
    .join(' ');
}

const [provinces, regencyRows, districtRows] = await Promise.all([
  getProvinces(),
  getRegencies(),
  getDistricts(),
]);
const provinceName = new Map(provinces.map((p) => [p.code, titleCase(p.name)]));

export const REGENCIES: readonly RegencyEntry[] = Object.freeze(
  regencyRows.map((r) => {
    const m = /^(KABUPATEN|KOTA)\s+(?:ADM\.\s+)?(.+)$/u.exec(r.name.trim());
    if (!m) throw new Error(`idn-area-data: regency "${r.name}" (${r.code}) has no KABUPATEN/KOTA prefix`);
    const kind = m[1] === 'KOTA' ? 'Kota' : 'Kabupaten';
    const place = titleCase(m[2] as string);
    return Object.freeze({
      code: r.code,
      kind,
      place,
      name: `${kind} ${place}`,
      province: provinceName.get(r.province_code) ?? '',
    });
  }),
);

const byPlace = new Map<string, RegencyEntry[]>();
for (const r of REGENCIES) {
  const key = r.place.toLowerCase();
  pushTo(byPlace, key, r);
}
const byName = new Map(REGENCIES.map((r) => [r.name.toLowerCase(), r]));

/** Every regency named `place` (Kabupaten and Kota Probolinggo share one). */
export function regenciesByPlace(place: string): readonly RegencyEntry[] {
  return byPlace.get(place.replace(/\s+/g, ' ').toLowerCase()) ?? [];
}

export function regencyByName(name: string): RegencyEntry | undefined {
  return byName.get(name.replace(/\s+/g, ' ').toLowerCase());
}

/** All place names, for building patterns. */
export const REGENCY_PLACES: readonly string[] = Object.freeze([...new Set(REGENCIES.map((r) => r.place))]);

export const PROVINCE_NAMES: readonly string[] = Object.freeze([...provinceName.values()]);

const regencyByCode = new Map(REGENCIES.map((r) => [r.code, r]));
const districtsByName = new Map<string, RegencyEntry[]>();
for (const d of districtRows) {
  const regency = regencyByCode.get(d.regency_code);
  if (!regency) continue;
  const key = d.name.toLowerCase();
  pushTo(districtsByName, key, regency);
}

/** The regencies that have a kecamatan of this name ("Dringu" → Kabupaten Probolinggo). */
export function regenciesOfDistrict(name: string): readonly RegencyEntry[] {
  return districtsByName.get(name.replace(/\s+/g, ' ').toLowerCase()) ?? [];
}
