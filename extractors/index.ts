import { createHash } from 'node:crypto';
import type { DocumentFacts, Mention, SentenceSpan } from '../models/index.js';
import { assembleFacts } from './assemble/assemble-facts.js';
import { DATE_RULES } from './dates/date-rules.js';
import { EVENT_RULES } from './events/event-rules.js';
import { OFFICIAL_RULES } from './officials/official-rules.js';
import { PREDICATE_RULES } from './predicates/predicate-rules.js';
import { resolveBareRegencies } from './refiners/bare-regency.js';
import { removeOverlaps } from './refiners/remove-overlaps.js';
import { resolveYears } from './refiners/resolve-years.js';
import { REGENCY_RULES } from './regions/regency-rules.js';
import { runRules } from './run.js';
import { SCORE_RULES } from './scores/score-rules.js';
import { splitSentences } from './sentences.js';
import type { AnyRule, ExtractContext, Refiner } from './types.js';
import { UNIT_RULES } from './units/unit-rules.js';

/**
 * THE configuration: every rule, in order. Order matters only where two rules of one kind find the
 * same span with equal length; the earlier wins (remove-overlaps).
 */
export const RULES: readonly AnyRule[] = [
  ...REGENCY_RULES,
  // named units before office abbreviations: "Kantor Kemenag Kota Padang" beats a bare "Kemenag".
  ...UNIT_RULES,
  ...OFFICIAL_RULES,
  ...DATE_RULES,
  ...PREDICATE_RULES,
  ...EVENT_RULES,
  ...SCORE_RULES,
];

/** Refiners in order: overlaps go first so later steps see one mention per span. */
export const REFINERS: readonly Refiner[] = [
  removeOverlaps,
  // Bare place names are read against the regencies written out, so after overlaps are settled.
  resolveBareRegencies,
  // Years are settled last: they look at every written year in the document.
  resolveYears,
];

/** Bumped by hand when assembly logic changes; the hash follows every pattern and lexicon change. */
const RULES_REVISION = '0.1';
export const EXTRACTOR_VERSION = `${RULES_REVISION}+${createHash('sha256')
  .update(RULES.map((r) => `${r.name}\u0000${r.pattern.source}\u0000${r.pattern.flags}`).join('\n'))
  .digest('hex')
  .slice(0, 10)}`;

export interface ExtractResult {
  sentences: SentenceSpan[];
  mentions: Mention[];
  facts: DocumentFacts;
}

/** Text and context in, sentences and refined mentions out: the rules' part of extraction. */
export function extractMentions(text: string, ctx: ExtractContext): Omit<ExtractResult, 'facts'> {
  const sentences = splitSentences(text);
  let mentions = runRules(RULES, text, sentences, ctx);
  for (const refine of REFINERS) mentions = refine(mentions, { text, sentences, ctx });
  return { sentences, mentions };
}

/** Text and context in, sentences, mentions and the document's facts out. Pure and synchronous. */
export function extract(text: string, ctx: ExtractContext): ExtractResult {
  const { sentences, mentions } = extractMentions(text, ctx);
  return { sentences, mentions, facts: assembleFacts(text, sentences, mentions, ctx) };
}
