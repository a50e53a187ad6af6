import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../extractors/index.js';
import { scan } from '../../extractors/patterns.js';

const corpus = new URL('../../fixtures/corpus/', import.meta.url).pathname;
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(corpus + f, 'utf8'));

const spans = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => `${m.index}:${m[0]}`);

describe('scan', () => {
  it.each([
    [
      'a leading letter lookbehind',
      /(?<![\p{L}])rapat/gu,
      'rapat, perapatan, Rapat rapat2',
      ['0:rapat', '24:rapat'],
    ],
    ['a leading word lookbehind', /(?<![\p{L}\p{N}])TPI/gu, 'TPI, 2TPI, xTPI (TPI)', ['0:TPI', '17:TPI']],
    ['a match inside a word retried one position on', /(?<![\p{L}])ab+/gu, 'aab ab', ['4:ab']],
    [
      'a top-level alternation, where the lookbehind binds one branch',
      /(?<![\p{L}])ab|cd/gu,
      'xab xcd',
      ['5:cd'],
    ],
    ['no lookbehind', /an/gu, 'banana', ['1:an', '3:an']],
  ])('reads %s as matchAll does', (_, re, text, expected) => {
    expect(spans(scan(re, text))).toEqual(expected);
    expect(spans(text.matchAll(re))).toEqual(expected);
  });

  it.each(RULES.map((r) => [r.name, r.pattern] as const))(
    'finds what matchAll finds for %s on the fixture texts',
    (_, pattern) => {
      for (const text of texts) expect(spans(scan(pattern, text))).toEqual(spans(text.matchAll(pattern)));
    },
  );
});
