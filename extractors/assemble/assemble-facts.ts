import type { DocumentFacts, Mention, SentenceSpan } from '../../models/index.js';
import type { ExtractContext } from '../types.js';
import { assembleAwards } from './awards.js';
import { viewDocument } from './document-view.js';
import { assembleEvents, withAwardedUnits } from './events.js';
import { assembleOfficials } from './officials.js';
import { assembleScores } from './scores.js';
import { assembleUnits } from './units.js';

const NOTHING: DocumentFacts = {
  regencies: [],
  units: [],
  officials: [],
  events: [],
  awards: [],
  scores: [],
};

/**
 * From mentions to what the document says about the programme. A document that never names the
 * programme (Zona Integritas, WBK, WBBM) reports nothing: accreditation stories and KPK talks look alike.
 */
export function assembleFacts(
  text: string,
  sentences: readonly SentenceSpan[],
  mentions: readonly Mention[],
  ctx: ExtractContext,
): DocumentFacts {
  if (!mentions.some((m) => m.kind === 'predicate')) return NOTHING;
  const view = viewDocument(text, sentences, mentions, ctx);
  const units = assembleUnits(view);
  const draftEvents = assembleEvents(view, units);
  const awards = assembleAwards(view, units, draftEvents);
  const events = withAwardedUnits(draftEvents, awards, units);
  const officials = assembleOfficials(view);
  const scores = assembleScores(view, events);
  const regencies = new Set<string>();
  for (const e of events) {
    regencies.add(e.regency);
    if (e.host) regencies.add(e.host);
  }
  for (const x of [...units.map((u) => u.fact), ...awards, ...scores, ...officials])
    if (x.regency) regencies.add(x.regency);
  if (regencies.size === 0 && view.mainRegency) regencies.add(view.mainRegency);
  return { regencies: [...regencies], units: units.map((u) => u.fact), officials, events, awards, scores };
}
