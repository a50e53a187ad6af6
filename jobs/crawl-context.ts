import type { Redis } from 'ioredis';
import type { processBytes } from '../pipeline/process-document.js';
import type { Store } from '../pipeline/store/store.js';
import type { HostGate } from './host-gate.js';
import type { PageStates } from './page-state.js';
import type { CrawlQueues } from './queues.js';
import type { RobotsCache } from './robots-cache.js';
import type { SourceRegistry } from './source-registry.js';

/** How a worker fetches: identity, limits, and which otherwise refused addresses it may reach. */
export interface FetchSettings {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  /** Private, loopback and link-local addresses are refused unless listed (tests list 127.0.0.1). */
  allowAddress: (ip: string) => boolean;
  /** How long a fetch may sleep for its host's turn before it is put back on the queue instead. */
  maxGateSleepMs: number;
}

/** What the stage processors share in one worker process. */
export interface CrawlContext {
  redis: Redis;
  queues: CrawlQueues;
  store: Store;
  gate: HostGate;
  pages: PageStates;
  robots: RobotsCache;
  sources: SourceRegistry;
  fetch: FetchSettings;
  /** Parse → extract for a fetched document: `processBytes`, on this thread or on the process pool's. */
  process: typeof processBytes;
}
