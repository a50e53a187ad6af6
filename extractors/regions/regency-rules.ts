/**
 * Regencies written with their kind or their government: "Kabupaten Probolinggo", "Kab. Malang",
 * "Kota Blitar", "Pemkab Situbondo", "Pemerintah Kabupaten (Pemkab) Probolinggo", "Pemkot Bogor",
 * and through their head: "Bupati Probolinggo" (a kabupaten), "Wali Kota Malang" (a kota).
 * Bare place names are resolved later, with the document's context (refiners/bare-regency.ts).
 */
import { REGENCY_PLACES, regenciesByPlace } from '../lexicon/regencies.js';
import { anyOf } from '../patterns.js';
import type { Rule } from '../types.js';

// Matched case by case: a place is written in title case or in capitals, never in between.
const PLACES = anyOf([...REGENCY_PLACES, ...REGENCY_PLACES.map((p) => p.toUpperCase())], {
  caseSensitive: true,
});
const PLACE = `(?<place>${PLACES})(?![\\p{L}\\p{N}])`;

function regencyOf(kind: 'Kabupaten' | 'Kota', place: string): string | null {
  const found = regenciesByPlace(place).find((r) => r.kind === kind);
  return found ? found.name : null;
}

export const regencyExplicit: Rule<'regency'> = {
  name: 'regency-explicit',
  kind: 'regency',
  pattern: new RegExp(
    `(?<![\\p{L}/])(?<kind>Kabupaten|KABUPATEN|Kab\\.|KAB\\.|Kab|Kota|KOTA)\\s+(?:Adm\\.\\s+)?${PLACE}`,
    'gu',
  ),
  examples: [
    ['Pemerintah di Kabupaten Probolinggo', { regency: 'Kabupaten Probolinggo', form: 'explicit' }],
    ['warga Kota Probolinggo', { regency: 'Kota Probolinggo' }],
    ['Kab. Malang', { regency: 'Kabupaten Malang' }],
    ['KOTA BLITAR', { regency: 'Kota Blitar' }],
    ['Kabupaten Bandung Barat', { regency: 'Kabupaten Bandung Barat' }],
    ['Kota Bekasi dan Kabupaten Bekasi', { regency: 'Kabupaten Bekasi' }],
    ['Kab. Kotawaringin Barat', { regency: 'Kabupaten Kotawaringin Barat' }],
    ['Kota Tegal', { regency: 'Kota Tegal' }],
    ['Kota Situbondo', null],
    ['kota Malang', null],
    ['Provinsi Jawa Timur', null],
    ['Kabupaten/Kota se-Jawa Timur', null],
  ],
  extract(m) {
    const kind = /^k(ab|abupaten)/i.test(m.groups?.kind ?? '') ? 'Kabupaten' : 'Kota';
    const regency = regencyOf(kind, m.groups?.place ?? '');
    return regency ? { regency, form: 'explicit' } : null;
  },
};

export const regencyGovernment: Rule<'regency'> = {
  name: 'regency-government',
  kind: 'regency',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<gov>Pemkab|PEMKAB|Pemkot|PEMKOT|Pemerintah\\s+Kabupaten|Pemerintah\\s+Kota)(?:\\s*\\((?:Pemkab|Pemkot)\\))?\\s+${PLACE}`,
    'gu',
  ),
  examples: [
    ['Pemerintah Kabupaten (Pemkab) Probolinggo', { regency: 'Kabupaten Probolinggo', form: 'government' }],
    ['Pemkot Bogor', { regency: 'Kota Bogor' }],
    ['Pemkab Situbondo', { regency: 'Kabupaten Situbondo' }],
    ['Pemerintah Kota (Pemkot) Madiun', { regency: 'Kota Madiun' }],
    ['PEMKAB BANYUWANGI', { regency: 'Kabupaten Banyuwangi' }],
    ['Pemkot Situbondo', null],
    ['Pemprov Jawa Tengah', null],
  ],
  extract(m) {
    const kind = /kab/i.test(m.groups?.gov ?? '') ? 'Kabupaten' : 'Kota';
    const regency = regencyOf(kind, m.groups?.place ?? '');
    return regency ? { regency, form: 'government' } : null;
  },
};

export const regencyHead: Rule<'regency'> = {
  name: 'regency-head',
  kind: 'regency',
  pattern: new RegExp(
    `(?<![\\p{L}])(?<head>Wakil\\s+Bupati|Bupati|Wabup|Wakil\\s+Wali\\s*[Kk]ota|Wali\\s*[Kk]ota|Wawali|Wawako)\\s+${PLACE}`,
    'gu',
  ),
  examples: [
    ['Bupati Probolinggo, dr. Mohammad Haris', { regency: 'Kabupaten Probolinggo', form: 'head' }],
    ['Wali Kota Blitar', { regency: 'Kota Blitar' }],
    ['Walikota Probolinggo', { regency: 'Kota Probolinggo' }],
    ['Wakil Bupati Jember', { regency: 'Kabupaten Jember' }],
    ['Bupati Ipuk', null],
    ['Gubernur Jawa Timur', null],
  ],
  extract(m) {
    const kind = /bupati|wabup/i.test(m.groups?.head ?? '') ? 'Kabupaten' : 'Kota';
    const place = m.groups?.place ?? '';
    const regency = regencyOf(kind, place);
    if (!regency) return null;
    const start = m.index + m[0].length - place.length;
    return { regency, form: 'head', start };
  },
};

export const REGENCY_RULES = [regencyExplicit, regencyGovernment, regencyHead] as const;
