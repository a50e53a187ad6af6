import { describe, expect, it } from 'vitest';
import { RULES } from '../../extractors/index.js';
import { runRule } from '../../extractors/run.js';
import { splitSentences } from '../../extractors/sentences.js';
import type { Rule, RuleExample } from '../../extractors/types.js';
import type { Mention } from '../../models/index.js';

const ctx = { published: null, url: null };

describe('every rule', () => {
  it('has a unique kebab-case name', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(RULES.map((r) => [r.name, r] as const))(
    '%s has worked examples, one of them negative',
    (_, rule) => {
      expect(rule.examples.length).toBeGreaterThan(0);
      expect(rule.examples.some(([, expected]) => expected === null)).toBe(true);
      expect(rule.pattern.flags).toContain('g');
      expect(rule.pattern.flags).toContain('u');
    },
  );
});

describe('every rule set (rules of one mention kind)', () => {
  const kinds = [...new Set(RULES.map((r) => r.kind))];
  it.each(kinds)('%s has at least 20 worked examples, at least 5 of them negative', (kind) => {
    const examples = RULES.filter((r) => r.kind === kind).flatMap(
      (r) => [...r.examples] as RuleExample<typeof kind>[],
    );
    expect(examples.length).toBeGreaterThanOrEqual(20);
    expect(examples.filter(([, expected]) => expected === null).length).toBeGreaterThanOrEqual(5);
  });
});

const rows = RULES.flatMap((rule) =>
  rule.examples.map(([text, expected]) => ({ rule: rule as Rule<Mention['kind']>, text, expected })),
);

describe.each(rows)('$rule.name on "$text"', ({ rule, text, expected }) => {
  it(expected === null ? 'finds nothing' : 'reads the example', () => {
    const found = runRule(rule, text, splitSentences(text), ctx);
    if (expected === null) {
      expect(found, JSON.stringify(found)).toEqual([]);
      return;
    }
    expect(
      found.some((m) =>
        Object.entries(expected).every(
          ([k, v]) => JSON.stringify((m as Record<string, unknown>)[k]) === JSON.stringify(v),
        ),
      ),
      `${JSON.stringify(found)} should include ${JSON.stringify(expected)}`,
    ).toBe(true);
  });
});
