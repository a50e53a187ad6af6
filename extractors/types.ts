import type { Mention, MentionKind, MentionOf, PartialDate, SentenceSpan } from '../models/index.js';

/** What an extractor may know besides the text: the crawler's context, never the clock. */
export interface ExtractContext {
  /** Publication date from the page metadata, the sidecar or the URL. */
  published: PartialDate | null;
  url: string | null;
}

/** The part of a mention a rule decides; the runner adds kind, offsets, sentence and rule name. */
export type RuleOutput<K extends MentionKind> = Omit<
  MentionOf<K>,
  'kind' | 'start' | 'end' | 'text' | 'sentence' | 'rule'
> & {
  /** Narrower offsets than the whole match, when the pattern includes context words. */
  start?: number;
  end?: number;
};

/** A worked example: a text and what the rule must read from it, or null where it must not fire. */
export type RuleExample<K extends MentionKind> = readonly [string, Partial<MentionOf<K>> | null];

/**
 * One rule: a pattern and what a match means. Rules are pure: the same text and context always
 * give the same mentions. `pattern` must carry the `g` and `u` flags.
 */
export interface Rule<K extends MentionKind> {
  name: string;
  kind: K;
  pattern: RegExp;
  examples: readonly RuleExample<K>[];
  /**
   * `sentence` is the sentence the match starts in, from the document's one sentence split. A match
   * may stand for several mentions (the items of a list), each then with its own offsets.
   */
  extract(
    match: RegExpExecArray,
    text: string,
    ctx: ExtractContext,
    sentence: SentenceSpan,
  ): RuleOutput<K> | readonly RuleOutput<K>[] | null;
}

export type AnyRule = { [K in MentionKind]: Rule<K> }[MentionKind];

/** Runs after all rules, over all mentions of a document. */
export type Refiner = (mentions: Mention[], doc: RefinerInput) => Mention[];

export interface RefinerInput {
  text: string;
  sentences: readonly SentenceSpan[];
  ctx: ExtractContext;
}
