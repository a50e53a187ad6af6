import type { Redis } from 'ioredis';
import type { SourcesFile } from '../models/index.js';
import type { CrawlQueues } from './queues.js';
import { SourceRegistry } from './source-registry.js';

const SCHEDULER_PREFIX = 'source-';

/**
 * Makes BullMQ's job schedulers match the sources file: one per source, on its cron schedule and
 * time zone, each producing that source's discovery job; schedulers of sources no longer in the file
 * are removed. Running it again with the same file changes nothing.
 */
export async function upsertSchedules(
  redis: Redis,
  queues: CrawlQueues,
  file: SourcesFile,
): Promise<{ upserted: string[]; removed: string[] }> {
  await new SourceRegistry(redis).save(file, file.sources);
  const wanted = new Set(file.sources.map((s) => `${SCHEDULER_PREFIX}${s.name}`));
  for (const source of file.sources) {
    await queues.discover.upsertJobScheduler(
      `${SCHEDULER_PREFIX}${source.name}`,
      { pattern: source.schedule, tz: source.timezone },
      // No run id: each scheduled job starts a run of its own (see the discover stage).
      { name: 'discover', data: { source: source.name } },
    );
  }
  const removed: string[] = [];
  for (const scheduler of await queues.discover.getJobSchedulers()) {
    const key = scheduler.key;
    if (key.startsWith(SCHEDULER_PREFIX) && !wanted.has(key)) {
      await queues.discover.removeJobScheduler(key);
      removed.push(key);
    }
  }
  return { upserted: [...wanted], removed };
}
