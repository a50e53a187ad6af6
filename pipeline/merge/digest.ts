import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../../models/index.js';

/**
 * Digests already taken, by event object: `zi reextract` compares each new event's digest with the stored
 * one and the store then writes the same event with it, and hashing a 4 KB body twice cost seconds on a
 * large store. An event is digested once it is final (its sources' sentences filled), never changed after.
 */
const taken = new WeakMap<TimelineEvent, string>();

/**
 * What an event says, as a short hash; a new extractor version alone does not change it, nor does a
 * page number: it follows from the offsets, which count, and an upgraded store's PDFs gaining their
 * pages is no change to report.
 */
export function eventDigest(e: TimelineEvent): string {
  const known = taken.get(e);
  if (known !== undefined) return known;
  const content = { ...e, sources: e.sources.map(({ extractorVersion: _, page: __, ...s }) => s) };
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  taken.set(e, digest);
  return digest;
}
