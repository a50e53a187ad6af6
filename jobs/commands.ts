import { availableParallelism } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Config, DEFAULT_USER_AGENT, type RunStatus } from '../models/index.js';
import { UsageError } from '../pipeline/errors.js';
import type { FetchSettings } from './crawl-context.js';

// BullMQ, Redis, fastify and the stages load only when a crawl command runs: `zi timeline` starts fast.
const crawl = () =>
  Promise.all([
    import('../pipeline/sources/load-sources.js'),
    import('../pipeline/store/open.js'),
    import('./crawl-once.js'),
    import('./queues.js'),
    import('./redis.js'),
    import('./schedule.js'),
    import('./workers.js'),
  ]).then(([sources, open, once, queues, redis, schedule, workers]) => ({
    ...sources,
    ...open,
    ...once,
    ...queues,
    ...redis,
    ...schedule,
    ...workers,
  }));

/** An option's parser for whole numbers from `min` up. */
function wholeNumberFrom(min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be a whole number ≥ ${min}`);
    return n;
  };
}

const positiveInt = wholeNumberFrom(1);

/** How many threads parse and extract for a worker: by default one per core but the worker's own. */
const extractThreadsOption = () =>
  new Option(
    '--extract-threads <n>',
    'threads that parse and extract fetched documents (0: the worker thread)',
  )
    .argParser(wholeNumberFrom(0))
    .default(Math.max(0, availableParallelism() - 1), 'one fewer than the cores');

function fetchSettings(config: Config): FetchSettings {
  const allowed = new Set(config.allowAddresses);
  return {
    userAgent: DEFAULT_USER_AGENT,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: 10 * 1024 * 1024,
    allowAddress: (ip) => allowed.has(ip),
    maxGateSleepMs: 5_000,
  };
}

/** `zi schedule`, `zi worker`, `zi crawl --once`, `zi dashboard`: the crawl on BullMQ and Redis. */
export function addCrawlCommands(program: Command, config: Config, dbOption: () => Option): void {
  program
    .command('schedule')
    .description(
      'create or update one BullMQ job scheduler per source (cron), remove those of dropped sources',
    )
    .requiredOption('--sources <file>', 'sources file (YAML or JSON)')
    .action(async (opts: { sources: string }) => {
      const { loadSources, connectRedis, openQueues, upsertSchedules, redactedRedisUrl } = await crawl();
      const file = loadSources(opts.sources);
      const redis = connectRedis(config.redisUrl);
      const queues = openQueues(redis);
      try {
        const { upserted, removed } = await upsertSchedules(redis, queues, file);
        for (const s of file.sources) console.log(`scheduled ${s.name}: "${s.schedule}" (${s.timezone})`);
        for (const key of removed) console.log(`removed ${key}`);
        console.log(`${upserted.length} schedulers on ${redactedRedisUrl(config.redisUrl)}`);
      } finally {
        await queues.close();
        redis.disconnect();
      }
    });

  program
    .command('worker')
    .description('run the discover, fetch, extract and merge workers until SIGTERM or Ctrl-C')
    .addOption(
      new Option('--concurrency <n>', 'fetches at once in this process').argParser(positiveInt).default(4),
    )
    .addOption(extractThreadsOption())
    .addOption(dbOption())
    .action(async (opts: { concurrency: number; extractThreads: number; db: string }) => {
      const { openStore, connectRedis, startWorkers, redactedRedisUrl } = await crawl();
      const store = await openStore({ dbPath: opts.db, databaseUrl: config.databaseUrl });
      const redis = connectRedis(config.redisUrl);
      const workers = startWorkers(redis, store, {
        concurrency: opts.concurrency,
        lockMs: config.jobLockMs,
        fetch: fetchSettings(config),
        extractThreads: opts.extractThreads,
      });
      await workers.ready;
      console.error(
        `worker ${process.pid}: ${redactedRedisUrl(config.redisUrl)}, concurrency ${opts.concurrency}, ${opts.extractThreads} extract thread(s)`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          console.error(`worker ${process.pid}: ${signal}, finishing the jobs in hand`);
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      await workers.close();
      await store.close();
      redis.disconnect();
    });

  program
    .command('crawl')
    .description('crawl the sources now and wait for the run, with progress; workers do the work')
    .requiredOption('--sources <file>', 'sources file (YAML or JSON)')
    .option('--once', 'one run now (recurring runs come from zi schedule)')
    .option('--source <name...>', 'only these sources')
    .option('--with-worker', 'also run workers in this process, for a crawl without a separate zi worker')
    .addOption(
      new Option('--concurrency <n>', 'with --with-worker: fetches at once')
        .argParser(positiveInt)
        .default(4),
    )
    .addOption(extractThreadsOption())
    .addOption(dbOption())
    .action(
      async (opts: {
        sources: string;
        once?: boolean;
        source?: string[];
        withWorker?: boolean;
        concurrency: number;
        extractThreads: number;
        db: string;
      }) => {
        if (!opts.once)
          throw new UsageError('zi crawl needs --once; recurring crawls are zi schedule and zi worker');
        const { loadSources, connectRedis, openQueues, openStore, startWorkers, startRun, waitForRun } =
          await crawl();
        const file = loadSources(opts.sources);
        for (const name of opts.source ?? [])
          if (!file.sources.some((s) => s.name === name))
            throw new UsageError(`no source named "${name}" in ${opts.sources}`);
        const redis = connectRedis(config.redisUrl);
        const queues = openQueues(redis);
        const store = opts.withWorker
          ? await openStore({ dbPath: opts.db, databaseUrl: config.databaseUrl })
          : null;
        const workers = store
          ? startWorkers(redis, store, {
              concurrency: opts.concurrency,
              lockMs: config.jobLockMs,
              fetch: fetchSettings(config),
              extractThreads: opts.extractThreads,
            })
          : null;
        try {
          if (!workers && (await queues.fetch.getWorkersCount()) === 0)
            console.error('no worker is connected yet: start `zi worker` (or pass --with-worker)');
          const run = await startRun(redis, queues, file, opts.source);
          const progress = progressPrinter();
          const { status, lost } = await waitForRun(run, queues, progress.update, (report) =>
            console.error(`\n${report}`),
          );
          progress.done(status);
          const failed = await queues.fetch.getFailed();
          const failedExtract = await queues.extract.getFailed();
          for (const job of [...failed, ...failedExtract].filter((j) => j.data?.runId === run.runId))
            console.error(`failed ${job.data.url}: ${job.failedReason}`);
          if (lost > 0) console.error(`${lost} URLs were admitted but no job finished them`);
        } finally {
          await workers?.close();
          await store?.close();
          await queues.close();
          redis.disconnect();
        }
      },
    );

  program
    .command('dashboard')
    .description('serve the Bull Board dashboard of the crawl queues')
    .addOption(new Option('--port <n>', 'port').argParser(positiveInt).default(3000))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      const { connectRedis, openQueues, QUEUE_NAMES } = await crawl();
      const { startDashboard } = await import('./dashboard.js');
      const redis = connectRedis(config.redisUrl);
      const queues = openQueues(redis);
      const { url } = await startDashboard(queues, opts);
      console.error(`Bull Board on ${url} (queues ${Object.values(QUEUE_NAMES).join(', ')}); Ctrl-C stops`);
    });
}

/** One line of counts: redrawn in place on a terminal, every couple of seconds in a log. */
function progressPrinter(): { update: (s: RunStatus) => void; done: (s: RunStatus) => void } {
  const line = (s: RunStatus) =>
    `crawl ${s.runId}: ${s.finished}/${s.admitted} done · ${s.fetched} pages read · ${s.extracted} documents extracted · ${s.notModified + s.unchanged} unchanged · ${s.disallowed} disallowed · ${s.overLimit} over limit · ${s.failed} failed · ${(s.bytes / 1e6).toFixed(1)} MB`;
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(s) {
      if (tty) process.stderr.write(`\r${line(s)}\x1b[K`);
      else if (Date.now() - last > 2_000) {
        last = Date.now();
        process.stderr.write(`${line(s)}\n`);
      }
    },
    done(s) {
      if (tty) process.stderr.write('\n');
      console.log(line(s));
    },
  };
}
