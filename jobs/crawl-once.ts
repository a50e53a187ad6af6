import type { Redis } from 'ioredis';
import type { RunStatus, SourcesFile } from '../models/index.js';
import { CrawlRun } from './crawl-run.js';
import type { CrawlQueues } from './queues.js';
import { SourceRegistry } from './source-registry.js';
import { discoverMember } from './stages/discover.js';

/** States in which a job still has work ahead of it. */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** Registers the sources and queues one discovery job per source, under a new run id. */
export async function startRun(
  redis: Redis,
  queues: CrawlQueues,
  file: SourcesFile,
  only?: readonly string[],
): Promise<CrawlRun> {
  const sources = only ? file.sources.filter((s) => only.includes(s.name)) : file.sources;
  await new SourceRegistry(redis).save(file, sources);
  const run = new CrawlRun(redis, `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  for (const source of sources) {
    await run.admit(discoverMember(source.name));
    await queues.discover.add('discover', { runId: run.runId, source: source.name });
  }
  return run;
}

export interface RunResult {
  status: RunStatus;
  /** URLs the run admitted that no job finished: only when a job was lost without being recorded. */
  lost: number;
}

/**
 * Until the run is over: every admitted URL finished and the merge it caused done. Should a job vanish
 * without being recorded (deleted by hand, say), the run is also over once every queue has stood idle
 * for a few polls, and the shortfall is reported rather than waited for forever.
 */
export async function waitForRun(
  run: CrawlRun,
  queues: CrawlQueues,
  onProgress: (status: RunStatus) => void,
  pollMs = 250,
): Promise<RunResult> {
  let idlePolls = 0;
  for (;;) {
    const status = await run.status();
    onProgress(status);
    const mergePending = await pending(queues.merge);
    if (status.finished >= status.admitted && mergePending === 0) return { status, lost: 0 };
    const allIdle =
      mergePending +
        (await pending(queues.discover)) +
        (await pending(queues.fetch)) +
        (await pending(queues.extract)) ===
      0;
    idlePolls = allIdle ? idlePolls + 1 : 0;
    if (idlePolls >= 20) return { status, lost: status.admitted - status.finished };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function pending(queue: CrawlQueues['merge']): Promise<number> {
  const counts = await queue.getJobCounts(...PENDING_STATES);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
