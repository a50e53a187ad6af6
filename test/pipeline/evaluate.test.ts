import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GoldDocument, GoldDocumentSchema } from '../../models/index.js';
import { evaluate } from '../../pipeline/evaluate.js';

const reference = '../shared/tools/zi-score.mjs';
const corpus = 'fixtures/corpus';
const out = mkdtempSync(join(tmpdir(), 'zi-eval-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function readDir(dir: string, suffix: string): Map<string, GoldDocument> {
  const docs = new Map<string, GoldDocument>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(suffix))) {
    docs.set(
      f.slice(0, -suffix.length),
      GoldDocumentSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))),
    );
  }
  return docs;
}

describe('zi eval', () => {
  it.skipIf(!existsSync(reference))('gives the figures of the reference scorer on the fixture corpus', () => {
    execFileSync('node', ['bin/zi.mjs', 'extract', corpus, '--emit-gold', out]);
    const expected = JSON.parse(
      execFileSync('node', [reference, '--gold', corpus, '--pred', out, '--json'], { encoding: 'utf8' }),
    );
    const ours = evaluate(readDir(corpus, '.gold.json'), readDir(out, '.json'));
    for (const field of Object.keys(expected.fields)) {
      const e = expected.fields[field];
      const o = ours.fields[field as keyof typeof ours.fields];
      expect([o.tp, o.fp, o.fn], field).toEqual([e.tp, e.fp, e.fn]);
      expect(o.f1).toBeCloseTo(e.f1, 10);
    }
    expect(ours.macroF1).toBeCloseTo(expected.macroF1, 10);
    expect(ours.roleAccuracy).toBeCloseTo(expected.roleAccuracy, 10);
    expect(ours.eventUnitJaccard).toBeCloseTo(expected.eventUnitJaccard, 10);
  });

  it('scores a perfect prediction as perfect and an empty one as zero recall', () => {
    const gold = readDir(corpus, '.gold.json');
    expect(evaluate(gold, gold).macroF1).toBe(1);
    const none = evaluate(gold, new Map());
    expect(none.fields.units.r).toBe(0);
    expect(none.fields.units.fn).toBeGreaterThan(0);
  });
});
