import { pushTo } from '../extractors/collections.js';
import { EXTRACTOR_VERSION, extract } from '../extractors/index.js';
import type { TimelineEvent } from '../models/index.js';
import { eventDigest } from './merge/digest.js';
import { rebuild } from './rebuild.js';
import type { Store } from './store/store.js';

/** How many stored texts are read and saved at a time, so memory stays flat however large the store. */
const PAGE = 500;

export interface TimelineChange {
  added: TimelineEvent[];
  /** Events gone from the timeline, as they were stored. */
  removed: TimelineEvent[];
  /** Same event (same id, or same regency, kind and units under a new id), different content. */
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
 * changed in the timeline, comparing stored digests so that the old timeline is never loaded whole.
 */
export async function reextract(store: Store, progress?: (done: number) => void): Promise<ReextractSummary> {
  const before = await store.eventDigests();
  let documents = 0;
  let updated = 0;
  let after: string | null = null;
  for (;;) {
    const page = await store.texts(after, PAGE);
    if (page.length === 0) break;
    const items = page.map((doc) => ({
      documentId: doc.id,
      extractorVersion: EXTRACTOR_VERSION,
      facts: extract(doc.text, { published: doc.published, url: doc.url }).facts,
    }));
    updated += await store.saveExtractions(items);
    documents += page.length;
    after = page.at(-1)?.id ?? null;
    progress?.(documents);
  }
  const beforeByRegency = new Map<string, [string, string][]>();
  for (const [id, { regency, digest }] of before) pushTo(beforeByRegency, regency, [id, digest]);
  // Old versions of what changes are read from the store just before each regency is replaced.
  const old: TimelineEvent[] = [];
  const fresh: TimelineEvent[] = [];
  await rebuild(store, async (regency, merged) => {
    const next = new Map(merged.events.map((e) => [e.id, eventDigest(e)]));
    for (const e of merged.events) if (before.get(e.id)?.digest !== next.get(e.id)) fresh.push(e);
    for (const [id, digest] of beforeByRegency.get(regency) ?? []) {
      if (next.get(id) === digest) continue;
      const e = await store.event(id);
      if (e) old.push(e);
    }
  });
  return { documents, updated, change: diffTimelines(old, fresh) };
}

/**
 * What a re-merge changed: `before` holds the old versions of the events that changed or went, `after`
 * the new events and new versions. An event whose id moved but which has the same regency, kind and units
 * is "changed".
 */
export function diffTimelines(
  before: readonly TimelineEvent[],
  after: readonly TimelineEvent[],
): TimelineChange {
  const oldById = new Map(before.map((e) => [e.id, e]));
  const changed: TimelineChange['changed'] = [];
  let added: TimelineEvent[] = [];
  for (const e of after) {
    const old = oldById.get(e.id);
    if (old) {
      changed.push({ before: old, after: e });
      oldById.delete(e.id);
    } else added.push(e);
  }
  let removed = [...oldById.values()];
  for (const a of [...added]) {
    const match = removed.find(
      (r) => r.regency === a.regency && r.type === a.type && r.unitIds.join(',') === a.unitIds.join(','),
    );
    if (!match) continue;
    changed.push({ before: match, after: a });
    removed = removed.filter((r) => r !== match);
    added = added.filter((x) => x !== a);
  }
  return { added, removed, changed };
}
