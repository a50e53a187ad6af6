/** Pairwise F1 of the merge's "same event" decisions on the deduplication gold (fixtures/dedup). */
import { scoreDedup } from '../pipeline/evaluate-dedup.js';

const TARGET_F1 = 0.9;

export async function benchDedup(dir: string): Promise<void> {
  const s = await scoreDedup(dir);
  console.log(
    `\ndeduplication: ${s.groups} groups, same-event pairs tp ${s.tp} fp ${s.fp} fn ${s.fn}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, F1 ${s.f1.toFixed(3)}; target F1 ≥ ${TARGET_F1}: ${s.f1 >= TARGET_F1 ? 'met' : 'NOT met'}`,
  );
}
