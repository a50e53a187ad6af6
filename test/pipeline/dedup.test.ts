import { describe, expect, it } from 'vitest';
import { scoreDedup } from '../../pipeline/evaluate-dedup.js';

/**
 * The deduplication gold (fixtures/dedup): groups of documents written as different outlets reporting the
 * same activities, each with a distractor of the same regency and kind. The floor is pinned just under the
 * pairwise F1 measured when it was set; `npm run bench` prints the figure.
 */
const FLOOR = { precision: 0.95, f1: 0.9 };

describe('deduplication across documents', () => {
  it('makes the same-event decisions the dedup gold expects', async () => {
    const score = await scoreDedup('fixtures/dedup');
    expect(score.groups).toBe(8);
    expect(score.precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(score.f1).toBeGreaterThanOrEqual(FLOOR.f1);
  });
});
