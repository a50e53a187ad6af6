import { EXTRACTOR_VERSION, extract } from '../extractors/index.js';
import type { TimelineEvent } from '../models/index.js';
import { rebuild } from './rebuild.js';
import type { Store } from './store/store.js';

/** How many stored texts are read at a time, so memory stays flat however large the store. */
const PAGE = 500;

export interface TimelineChange {
  added: TimelineEvent[];
  removed: TimelineEvent[];
  /** Same event (same regency, kind and units, dates that agree), different content. */
  changed: { before: TimelineEvent; after: TimelineEvent }[];
}

export interface ReextractSummary {
  documents: number;
  /** Documents whose facts came out differently. */
  updated: number;
  change: TimelineChange;
}

/**
 * After a rule change: every stored document is extracted again from its stored text (nothing is fetched
 * or parsed again), its extraction replaced where it differs, and the timeline re-merged. Reports what
 * changed in the timeline.
 */
export async function reextract(store: Store, progress?: (done: number) => void): Promise<ReextractSummary> {
  const before = await store.timeline();
  let documents = 0;
  let updated = 0;
  let after: string | null = null;
  for (;;) {
    const page = await store.texts(after, PAGE);
    if (page.length === 0) break;
    for (const doc of page) {
      const { facts } = extract(doc.text, { published: doc.published, url: doc.url });
      if (await store.saveExtraction(doc.id, EXTRACTOR_VERSION, facts)) updated++;
      documents++;
    }
    after = page.at(-1)?.id ?? null;
    progress?.(documents);
  }
  const { events } = await rebuild(store);
  return { documents, updated, change: diffTimelines(before, events) };
}

/** What a re-merge changed, event by event; an event whose id moved but which is the same activity is "changed". */
export function diffTimelines(
  before: readonly TimelineEvent[],
  after: readonly TimelineEvent[],
): TimelineChange {
  const oldById = new Map(before.map((e) => [e.id, e]));
  const newById = new Map(after.map((e) => [e.id, e]));
  const changed: TimelineChange['changed'] = [];
  for (const e of after) {
    const old = oldById.get(e.id);
    if (old && JSON.stringify(withoutVersions(old)) !== JSON.stringify(withoutVersions(e)))
      changed.push({ before: old, after: e });
  }
  let removed = before.filter((e) => !newById.has(e.id));
  let added = after.filter((e) => !oldById.has(e.id));
  for (const a of [...added]) {
    const match = removed.find((r) => r.regency === a.regency && r.type === a.type && sameUnits(r, a));
    if (!match) continue;
    changed.push({ before: match, after: a });
    removed = removed.filter((r) => r !== match);
    added = added.filter((x) => x !== a);
  }
  return { added, removed, changed };
}

function sameUnits(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.unitIds.join(',') === b.unitIds.join(',');
}

/** A new extractor version alone is no change to the timeline. */
function withoutVersions(e: TimelineEvent): unknown {
  return { ...e, sources: e.sources.map(({ extractorVersion: _, ...s }) => s) };
}
