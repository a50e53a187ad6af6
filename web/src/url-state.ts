import type { TimelineFilters } from './api-client.js';

/** What the page shows, kept in the URL's hash so that a view can be bookmarked, shared and gone back to. */
export interface PageState extends TimelineFilters {
  view: 'regency' | 'compare';
  regency?: string;
  compare: string[];
}

const FILTERS = ['kind', 'unit', 'predicate', 'year'] as const;

export function readState(hash: string): PageState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: PageState = {
    view: params.get('view') === 'compare' ? 'compare' : 'regency',
    compare: params.getAll('compare'),
  };
  const regency = params.get('regency');
  if (regency) state.regency = regency;
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) state[name] = value;
  }
  return state;
}

export function stateHash(state: PageState): string {
  const params = new URLSearchParams();
  if (state.view === 'compare') params.set('view', 'compare');
  if (state.regency) params.set('regency', state.regency);
  for (const name of FILTERS) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  for (const regency of state.compare) params.append('compare', regency);
  return `#${params}`;
}
