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
    await run.admit([discoverMember(source.name)]);
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
  onStall: (report: string) => void,
  pollMs = 250,
): Promise<RunResult> {
  let idlePolls = 0;
  let last = { finished: -1, at: Date.now() };
  for (;;) {
    const status = await run.status();
    onProgress(status);
    if (status.finished !== last.finished) last = { finished: status.finished, at: Date.now() };
    else if (Date.now() - last.at > STALL_REPORT_MS) {
      last.at = Date.now();
      onStall(await stallReport(run, queues));
    }
    const mergePending = await pending(queues.merge);
    if (status.finished >= status.admitted) {
      if (mergePending === 0) return { status, lost: 0 };
      // Every page is in: the merge waiting out its batching delay has nothing more to wait for.
      await queues.merge.promoteJobs();
    }
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

/** How long without a page finishing before `zi crawl` says what it is waiting for. */
const STALL_REPORT_MS = 30_000;

/** What a run that has stopped moving waits for: the unfinished URLs and the queues' job counts. */
async function stallReport(run: CrawlRun, queues: CrawlQueues): Promise<string> {
  const waiting = await run.unfinished(5);
  const counts: string[] = [];
  for (const [stage, queue] of Object.entries({
    discover: queues.discover,
    fetch: queues.fetch,
    extract: queues.extract,
    merge: queues.merge,
  }))
    counts.push(`${stage} ${JSON.stringify(await queue.getJobCounts(...PENDING_STATES))}`);
  return `no page finished for ${STALL_REPORT_MS / 1000} s; waiting for ${waiting.join(', ') || 'the merge'}; ${counts.join('; ')}`;
}

async function pending(queue: CrawlQueues['merge']): Promise<number> {
  const counts = await queue.getJobCounts(...PENDING_STATES);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
