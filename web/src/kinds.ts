import type { EventType, Stage } from '../../models/index.js';

/**
 * Each event kind with its label and colour. The colours are told apart by hue and by lightness, so
 * that the time axis still reads in greyscale and for the common colour-vision deficiencies.
 */
export const KINDS: readonly { kind: EventType; label: string; colour: string }[] = [
  { kind: 'commitment', label: 'commitment (pencanangan)', colour: '#1b5e20' },
  { kind: 'internal_assessment', label: 'internal assessment', colour: '#66bb6a' },
  { kind: 'proposal', label: 'proposal (pengusulan)', colour: '#f9a825' },
  { kind: 'desk_evaluation', label: 'desk evaluation', colour: '#8d6e63' },
  { kind: 'field_evaluation', label: 'field evaluation', colour: '#4e342e' },
  { kind: 'evaluation', label: 'evaluation', colour: '#ef6c00' },
  { kind: 'award', label: 'award (predikat)', colour: '#c62828' },
  { kind: 'coordination', label: 'coordination', colour: '#1565c0' },
  { kind: 'visit', label: 'visit', colour: '#90caf9' },
];

export function kindLabel(kind: string): string {
  return KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export function kindColour(kind: string): string {
  return KINDS.find((k) => k.kind === kind)?.colour ?? '#757575';
}

export const STAGES: readonly { stage: Stage; label: string }[] = [
  { stage: 'declared', label: 'declared' },
  { stage: 'proposed', label: 'proposed' },
  { stage: 'evaluated', label: 'evaluated' },
  { stage: 'awarded', label: 'awarded' },
];

/** Dates as the sources give them: a year, a month or a day; `XXXX` is a day whose year no one wrote. */
export function formatDate(date: string | null): string {
  if (!date) return 'no date';
  const [year, month, day] = date.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const monthName = month ? months[Number(month) - 1] : undefined;
  const shownYear = year === 'XXXX' ? '(year unknown)' : year;
  return [day ? String(Number(day)) : null, monthName, shownYear].filter(Boolean).join(' ');
}
