import type { Mention, MentionKind, MentionOf, RegencyMention, SentenceSpan } from '../../models/index.js';
import { pushTo } from '../collections.js';
import { isHeadline } from '../sentences.js';
import type { ExtractContext } from '../types.js';

/** One document's text, sentences and mentions, indexed for the assembly steps. */
export interface DocumentView {
  text: string;
  sentences: readonly SentenceSpan[];
  mentions: readonly Mention[];
  ctx: ExtractContext;
  /** Mentions of one kind in one sentence, in text order. */
  inSentence<K extends MentionKind>(kind: K, sentence: number): MentionOf<K>[];
  all<K extends MentionKind>(kind: K): MentionOf<K>[];
  sentenceText(sentence: number): string;
  /** The text with every run of white space made one space, for finding a written form. */
  readonly flatText: string;
  /** The regency the document is mostly about: the one it names most, the earliest on a tie. */
  mainRegency: string | null;
  /** Headlines are written in title case, where capitalised words say nothing about names. */
  isHeadline(sentence: number): boolean;
  /** The dateline ("BANJARMASIN – …") says where a story was filed, not whose activity it reports. */
  isDateline(regency: RegencyMention): boolean;
}

/** What follows a dateline's place: an outlet's name perhaps, then a dash. */
const DATELINE_AFTER = /^\s*(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)?\s*)?[–—-]/u;

export function viewDocument(
  text: string,
  sentences: readonly SentenceSpan[],
  mentions: readonly Mention[],
  ctx: ExtractContext,
): DocumentView {
  const bySentence = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.kind}:${m.sentence}`;
    pushTo(bySentence, key, m);
  }
  const regencies = mentions.filter((m): m is RegencyMention => m.kind === 'regency');
  const counts = new Map<string, number>();
  for (const r of regencies) counts.set(r.regency, (counts.get(r.regency) ?? 0) + 1);
  let mainRegency: string | null = null;
  for (const r of regencies) {
    if (mainRegency === null || (counts.get(r.regency) ?? 0) > (counts.get(mainRegency) ?? 0))
      mainRegency = r.regency;
  }
  let flat: string | undefined;
  const sentenceText = (i: number) => {
    const s = sentences[i];
    return s ? text.slice(s.start, s.end) : '';
  };
  return {
    text,
    sentences,
    mentions,
    ctx,
    inSentence: <K extends MentionKind>(kind: K, sentence: number) =>
      (bySentence.get(`${kind}:${sentence}`) ?? []) as MentionOf<K>[],
    all: <K extends MentionKind>(kind: K) => mentions.filter((m) => m.kind === kind) as MentionOf<K>[],
    sentenceText,
    get flatText() {
      flat ??= text.replace(/\s+/g, ' ');
      return flat;
    },
    mainRegency,
    isHeadline: (i) => isHeadline(sentenceText(i)),
    isDateline: (r) =>
      r.start === sentences[r.sentence]?.start && DATELINE_AFTER.test(text.slice(r.end, r.end + 40)),
  };
}
