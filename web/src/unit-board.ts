import type { UnitStatus } from '../../models/index.js';
import { el, table } from './dom.js';
import { formatDate, STAGES } from './kinds.js';

/**
 * Each unit's way from declaration to award: the four stages, reached or not, with the date the
 * sources give, and a badge per predicate awarded. A unit's name filters the timeline to it.
 */
export function renderUnitBoard(units: readonly UnitStatus[], pickUnit: (name: string) => void): HTMLElement {
  if (units.length === 0) return el('p', { class: 'empty' }, 'No units on record.');
  const rows = [...units]
    .sort((a, b) => stageRank(b) - stageRank(a) || a.name.localeCompare(b.name))
    .map((unit) => {
      const name = el(
        'button',
        {
          type: 'button',
          class: 'link',
          title: unit.aliases.length > 0 ? `also: ${unit.aliases.join(', ')}` : null,
        },
        unit.name,
      );
      name.addEventListener('click', () => pickUnit(unit.name));
      const steps = STAGES.map(({ stage, label }) => {
        const reached = unit.stages.find((s) => s.stage === stage);
        return el(
          'li',
          { class: reached ? 'reached' : 'pending' },
          label,
          reached
            ? el('span', { class: 'step-date' }, formatDate(reached.date))
            : el('span', { class: 'sr-only' }, ' (not yet)'),
        );
      });
      const badges = unit.awards.map((award) =>
        el(
          'span',
          { class: `badge ${award.predicate ?? 'unknown'}` },
          `${award.predicate ?? 'predicate?'}${award.year ? ` ${award.year}` : ''}`,
        ),
      );
      return el(
        'tr',
        { 'data-unit': unit.id },
        el('th', { scope: 'row' }, name),
        el('td', {}, el('ol', { class: 'stages', 'aria-label': `stages of ${unit.name}` }, ...steps)),
        el('td', {}, ...(badges.length > 0 ? badges : [el('span', { class: 'muted' }, 'none yet')])),
      );
    });
  return table('board', ['Unit', 'Progress', 'Predicate'], rows);
}

function stageRank(unit: UnitStatus): number {
  return unit.latestStage ? STAGES.findIndex((s) => s.stage === unit.latestStage) + 1 : 0;
}
