import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../../models/index.js';

/**
 * What an event says, as a short hash; a new extractor version alone does not change it, nor does a
 * page number: it follows from the offsets, which count, and an upgraded store's PDFs gaining their
 * pages is no change to report.
 */
export function eventDigest(e: TimelineEvent): string {
  const content = { ...e, sources: e.sources.map(({ extractorVersion: _, page: __, ...s }) => s) };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
