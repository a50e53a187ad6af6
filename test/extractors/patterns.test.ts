import { describe, expect, it } from 'vitest';
import { REGENCY_PLACES } from '../../extractors/lexicon/regencies.js';
import { anyOf, escapeRegExp } from '../../extractors/patterns.js';

/** The plain alternation anyOf stands for: every literal, longest first, spaces as any whitespace. */
function listed(literals: readonly string[]): string {
  return [...new Set(literals)]
    .sort((a, b) => b.length - a.length)
    .map((s) => escapeRegExp(s).replace(/ /g, '\\s+'))
    .join('|');
}

function matches(source: string, flags: string, text: string): string[] {
  return [...text.matchAll(new RegExp(source, flags))].map((m) => `${m.index}:${m[0]}`);
}

/** A small seeded generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('anyOf', () => {
  it.each([
    [['Kepala', 'Kepala Dinas', 'Kepala Dinas Kesehatan'], 'Kepala Dinas Kesehatan dan Kepala Dinasnya'],
    [['Kota Batu', 'Kota Batubara', 'Kota'], 'Kota Batubara, Kota  Batu, Kotabaru'],
    [['Kab.', 'Kab', 'Kabupaten'], 'Kab. Kab Kabupaten Kab.x'],
    [['(Pj)', 'Pj.', 'Pj'], 'Pj. (Pj) Pj'],
  ])('finds what the longest-first list finds in %j', (literals, text) => {
    for (const pattern of [(s: string) => s, (s: string) => `(?<![\\p{L}])(?:${s})(?![\\p{L}])`])
      for (const flags of ['gu', 'giu'])
        expect(matches(pattern(anyOf(literals)), flags, text)).toEqual(
          matches(pattern(listed(literals)), flags, text),
        );
  });

  it('finds what the list finds for random literal sets, case-blind or not, before a word boundary', () => {
    const next = random(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    const syllables = ['ka', 'Ka', 'KA', 'bu', 'Bu', 'ten', ' ', '.', 'ta'];
    for (let round = 0; round < 300; round++) {
      const literals = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(syllables))
          .join('')
          .trim(),
      ).filter((s) => s !== '');
      const text = Array.from({ length: 40 }, () => pick([...syllables, 'x', '  '])).join('');
      const bounded = (s: string) => `(?:${s})(?![\\p{L}])`;
      const cases: [string, string][] = [
        [anyOf(literals), 'gu'],
        [anyOf(literals), 'giu'],
        [anyOf(literals, { caseSensitive: true }), 'gu'],
      ];
      for (const [source, flags] of cases)
        expect(matches(bounded(source), flags, text), `${JSON.stringify(literals)} /${flags}`).toEqual(
          matches(bounded(listed(literals)), flags, text),
        );
    }
  });

  it('writes a gazetteer as a trie when told it is matched case by case', () => {
    const places = [...REGENCY_PLACES, ...REGENCY_PLACES.map((p) => p.toUpperCase())];
    expect(anyOf(places, { caseSensitive: true }).length).toBeLessThan(listed(places).length);
    // Case-blind, "Kota" and "KOTA" would both match at one place: the list keeps the longest-first order.
    expect(anyOf(places)).toBe(listed(places));
  });
});
