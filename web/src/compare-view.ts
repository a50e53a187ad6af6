import type { RegencyAwards } from '../../api/routes/compare.js';
import { el, table } from './dom.js';

/** Twelve regencies at most (the API's limit), each with a colour of its own. */
export const COMPARE_COLOURS = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#4e342e',
  '#ad1457',
  '#9e9d24',
  '#283593',
  '#546e7a',
  '#f9a825',
];

function colourOf(index: number): string {
  return COMPARE_COLOURS[index % COMPARE_COLOURS.length] as string;
}

/**
 * Units awarded per year for several regencies: grouped bars, one group per year, then the same
 * figures as a table with each year's WBK and WBBM split, which is also what a screen reader reads.
 */
export function renderComparison(regencies: readonly RegencyAwards[]): HTMLElement {
  if (regencies.length === 0) return el('p', { class: 'empty' }, 'Pick regencies to compare.');
  const years = [...new Set(regencies.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
  const most = Math.max(1, ...regencies.flatMap((r) => r.years.map((y) => y.units)));
  const cell = (r: RegencyAwards, year: number) => r.years.find((y) => y.year === year);

  const chart = el(
    'div',
    { class: 'bars', 'aria-hidden': 'true' },
    ...years.map((year) =>
      el(
        'div',
        { class: 'bar-group' },
        el(
          'div',
          { class: 'bar-stack' },
          ...regencies.map((r, i) => {
            const units = cell(r, year)?.units ?? 0;
            return el(
              'span',
              {
                class: 'bar',
                title: `${r.regency}, ${year}: ${units}`,
                style: `height: ${(units / most) * 100}%; background: ${colourOf(i)}`,
              },
              units > 0 ? el('span', { class: 'bar-value' }, units) : null,
            );
          }),
        ),
        el('span', { class: 'bar-year' }, year),
      ),
    ),
  );
  const key = el(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    ...regencies.map((r, i) =>
      el('li', {}, el('span', { class: 'swatch', style: `background: ${colourOf(i)}` }), r.regency),
    ),
  );
  const rows = regencies.map((r) =>
    el(
      'tr',
      { 'data-regency': r.regency },
      el('th', { scope: 'row' }, r.regency),
      ...years.map((year) => {
        const c = cell(r, year);
        return el(
          'td',
          { class: 'number' },
          c ? `${c.units}` : '0',
          c ? el('span', { class: 'muted split' }, ` (${c.WBK} + ${c.WBBM})`) : null,
        );
      }),
      el('td', { class: 'number' }, r.undated),
      el('td', { class: 'number' }, r.awardedUnits),
      el('td', { class: 'number' }, r.units),
    ),
  );
  const figures = table(
    'compare',
    ['Regency', ...years.map((y) => `${y}#`), 'Year unknown#', 'Awarded units#', 'Units#'],
    rows,
    'Units awarded per year (WBK + WBBM)',
  );
  return el(
    'div',
    {},
    years.length > 0 ? chart : el('p', { class: 'empty' }, 'No dated awards among these regencies.'),
    key,
    figures,
  );
}
