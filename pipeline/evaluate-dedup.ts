import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unitKey } from '../extractors/units/unit-lexicon.js';
import { type DedupGold, DedupGoldSchema, type TimelineEvent } from '../models/index.js';
import { UsageError } from './errors.js';
import { compatible } from './merge/dates.js';
import { merge } from './merge/index.js';
import { processFile } from './process-document.js';
import { documentName, listInputs } from './read-inputs.js';

export interface PairScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise scoring of "same event" decisions on one dedup group: every (document, gold event) report is an
 * item; two items should share a merged event exactly where they report the same gold event. An item
 * the extractor missed shares nothing, so missed reports cost recall.
 */
export async function scoreDedupGroup(dir: string): Promise<Omit<PairScore, 'precision' | 'recall' | 'f1'>> {
  const gold = readGold(dir);
  const docs = new Map<string, string>();
  const extractions = [];
  for (const path of listInputs([dir])) {
    const { document, facts } = await processFile(path);
    docs.set(documentName(path), document.id);
    extractions.push({ document, extractorVersion: 'dedup', facts });
  }
  const { events } = merge(extractions);
  const items = gold.events.flatMap((g, gi) =>
    g.documents.map((name) => ({ gold: gi, predicted: predictedEvent(events, docs.get(name), g) })),
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as (typeof items)[number];
      const b = items[j] as (typeof items)[number];
      const same = a.gold === b.gold;
      const merged = a.predicted !== null && a.predicted === b.predicted;
      if (same && merged) tp++;
      else if (merged) fp++;
      else if (same) fn++;
    }
  }
  return { tp, fp, fn };
}

export async function scoreDedup(root: string): Promise<PairScore & { groups: number }> {
  const groups = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  let [tp, fp, fn] = [0, 0, 0];
  for (const group of groups) {
    const s = await scoreDedupGroup(join(root, group.name));
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { groups: groups.length, tp, fp, fn, precision, recall, f1 };
}

function readGold(dir: string): DedupGold {
  const path = join(dir, 'expected.json');
  const parsed = DedupGoldSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new UsageError(`${path}: not zi-dedup/1 (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** The merged event that stands for a document's report of a gold event: same regency, kind and date, most shared units. */
function predictedEvent(
  events: readonly TimelineEvent[],
  documentId: string | undefined,
  g: DedupGold['events'][number],
): string | null {
  if (documentId === undefined) return null;
  const goldUnits = new Set(g.units.map(unitKey));
  const candidates = events.filter(
    (e) =>
      e.regency === g.regency &&
      (e.type === g.type || e.type === 'evaluation' || g.type === 'evaluation') &&
      compatible(e.date, g.date) &&
      e.sources.some((s) => s.documentId === documentId),
  );
  const overlap = (e: TimelineEvent) => e.units.filter((u) => goldUnits.has(unitKey(u))).length;
  return candidates.sort((a, b) => overlap(b) - overlap(a) || a.id.localeCompare(b.id))[0]?.id ?? null;
}
