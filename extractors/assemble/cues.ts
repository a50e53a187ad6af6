import cues from '../lexicon/statement-cues.json' with { type: 'json' };
import { anyOfSources, scan, wholeWord } from '../patterns.js';

const cue = (sources: readonly string[]) => new RegExp(wholeWord(anyOfSources(sources)), 'giu');

/** Verbs that state a unit holds or received a predicate. */
export const AWARD_VERB = cue(cues.awardVerbs);
/** Words that turn an award verb into a failure, an aim or a condition. */
export const NOT_AWARDED = cue(cues.notAwarded);
/** A sentence listing who attended. */
export const ATTENDANCE = cue(cues.attendance);
/** Words after which a named office is a representative, an organiser, a place or a former post. */
export const NOT_UNIT_BEFORE = cue(cues.notUnitBefore);
/** "unit kerja X": the programme's own word for what it evaluates. */
export const PROGRAMME_UNIT_BEFORE = cue(cues.programmeUnitBefore);

/** Words that open the list of units a programme noun announces: "ketiga unit tersebut adalah …". */
export const ENUMERATOR = cue(cues.enumerators);
/** A sentence that lists holders ("hingga kini telah ada tiga unit …") rather than reports an award. */
export const RECAP = cue(cues.recap);

/** Words that make an event cue a target: "menargetkan … diusulkan tahun depan". */
export const AIM = cue(cues.aims);

/** Offices that run the programme rather than take part in it: "Inspektorat", "Bagian Organisasi". */
export const ACTOR_OFFICE = new RegExp(`^(?:${anyOfSources(cues.actorOffices)})$`, 'iu');

/** Every match of a global cue in a string, as [start, end) pairs. */
export function cueSpans(re: RegExp, s: string): [number, number][] {
  return [...scan(re, s)].map((m) => [m.index, m.index + m[0].length]);
}
