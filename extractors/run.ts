import type { Mention, MentionKind, MentionOf, SentenceSpan } from '../models/index.js';
import { scan } from './patterns.js';
import { sentenceIndexAt } from './sentences.js';
import type { AnyRule, ExtractContext, Rule, RuleOutput } from './types.js';

/** Applies one rule to a text and returns its mentions with offsets, sentence index and rule name. */
export function runRule<K extends MentionKind>(
  rule: Rule<K>,
  text: string,
  sentences: readonly SentenceSpan[],
  ctx: ExtractContext,
): MentionOf<K>[] {
  const out: MentionOf<K>[] = [];
  for (const m of scan(rule.pattern, text)) {
    const at = sentenceIndexAt(sentences, m.index);
    const found = rule.extract(m, text, ctx, sentences[at] ?? { start: 0, end: text.length });
    if (found === null) continue;
    for (const one of Array.isArray(found) ? found : [found]) {
      const { start = m.index, end = m.index + m[0].length, ...fields } = one as RuleOutput<K>;
      out.push({
        ...fields,
        kind: rule.kind,
        start,
        end,
        text: text.slice(start, end),
        sentence: sentenceIndexAt(sentences, start),
        rule: rule.name,
      } as unknown as MentionOf<K>);
    }
  }
  return out;
}

export function runRules(
  rules: readonly AnyRule[],
  text: string,
  sentences: readonly SentenceSpan[],
  ctx: ExtractContext,
): Mention[] {
  return rules.flatMap((rule) => runRule(rule as Rule<MentionKind>, text, sentences, ctx));
}
