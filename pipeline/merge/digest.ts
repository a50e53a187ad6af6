import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../../models/index.js';

/** What an event says, as a short hash; a new extractor version alone does not change it. */
export function eventDigest(e: TimelineEvent): string {
  const content = { ...e, sources: e.sources.map(({ extractorVersion: _, ...s }) => s) };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
