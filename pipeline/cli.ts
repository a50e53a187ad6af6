import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { addCrawlCommands } from '../jobs/commands.js';
import {
  type Config,
  type EventType,
  EventTypeSchema,
  type GoldDocument,
  GoldDocumentSchema,
  loadConfig,
  PartialDateSchema,
  type Predicate,
  PredicateSchema,
  TimelineQuerySchema,
} from '../models/index.js';
import pkg from '../package.json' with { type: 'json' };
import { InputError, StoreError, UsageError } from './errors.js';
import { CORE_FIELDS, evaluate, formatReport } from './evaluate.js';
import { eventLine, explainEvent } from './explain.js';
import { FORMATS, type Format, OFFICIALS, REGENCIES, render, SCORES, TIMELINE, UNITS } from './format.js';
import { parseFile, processFile } from './process-document.js';
import { documentName, listInputs } from './read-inputs.js';
import { reextractInThread } from './reextract-thread.js';
import { type RunProgress, runFiles } from './run.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';
import { toGold } from './to-gold.js';

const config = configOrExit();

/** A broken environment is a usage error like a bad argument: one line naming the variable, exit 2. */
function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    console.error(`zi: ${(error as Error).message}`);
    process.exit(2);
  }
}
// `zi timeline | head` closes the pipe early; that ends the output, it is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command();
program
  .name('zi')
  .description('Zona Integritas (WBK/WBBM) timelines per regency from Indonesian news and PDF reports')
  .version(pkg.version)
  .showHelpAfterError()
  // Bad arguments exit 2, like every other usage error, rather than commander's own exit 1.
  .exitOverride();

const dbOption = () =>
  new Option('--db <file>', 'SQLite store (env ZI_DB); DATABASE_URL selects PostgreSQL instead').default(
    config.dbPath,
  );
const formatOption = () => new Option('--format <format>', 'output format').choices(FORMATS).default('table');

interface TimelineOptions {
  regency?: string;
  unit?: string;
  kind?: EventType;
  predicate?: Predicate;
  from?: string;
  to?: string;
  format: Format;
  db: string;
}

/** Opens the configured store, runs `work`, and closes the store whatever happens. */
async function withStore(dbPath: string, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore({ dbPath, databaseUrl: config.databaseUrl });
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

function partialDate(value: string): string {
  const parsed = PartialDateSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(`"${value}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}

function terminalProgress(): RunProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: 'documents {bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    advance: (file) => bar.increment({ file }),
    stop: () => bar.stop(),
  };
}

program
  .command('run')
  .description('read files or folders (txt, html, pdf) through the whole pipeline into the store')
  .argument('<paths...>', 'files or folders')
  .addOption(dbOption())
  .action(async (paths: string[], opts: { db: string }) => {
    const files = listInputs(paths);
    await withStore(opts.db, async (store) => {
      const summary = await runFiles(files, store, terminalProgress());
      for (const f of summary.failures) console.error(`error: ${f.message}`);
      console.log(
        `documents ${summary.documents}: ${summary.added} added, ${summary.unchanged} already stored, ${summary.failures.length} failed`,
      );
      console.log(`timeline: ${summary.events} events`);
      for (const [regency, n] of Object.entries(summary.eventsPerRegency).sort())
        console.log(`  ${regency}: ${n}`);
      if (summary.failures.length > 0) process.exitCode = 1;
    });
  });

program
  .command('timeline')
  .description('print the timeline, filtered by regency, unit, kind, predicate and dates')
  .option('--regency <name>', 'e.g. "Kabupaten Probolinggo" (a bare name matches both kabupaten and kota)')
  .option('--unit <name>', 'a unit under any of its names, e.g. DPMPTSP')
  .addOption(new Option('--kind <kind>', 'event kind').choices(EventTypeSchema.options))
  .addOption(new Option('--predicate <predicate>', 'WBK or WBBM').choices(PredicateSchema.options))
  .option('--from <date>', 'first date, YYYY[-MM[-DD]]', partialDate)
  .option('--to <date>', 'last date, YYYY[-MM[-DD]]', partialDate)
  .addOption(formatOption())
  .addOption(dbOption())
  .action(async (opts: TimelineOptions) => {
    const query = TimelineQuerySchema.parse({ regency: opts.regency, from: opts.from, to: opts.to });
    await withStore(opts.db, async (store) => {
      const events = await store.timeline({
        ...query,
        ...(opts.unit ? { unit: opts.unit } : {}),
        ...(opts.kind ? { type: opts.kind } : {}),
        ...(opts.predicate ? { predicate: opts.predicate } : {}),
      });
      console.log(render(events, TIMELINE, opts.format));
    });
  });

program
  .command('units')
  .description("a regency's unit status board: each unit, its latest stage, predicate and year, sources")
  .option('--regency <name>', 'e.g. "Kota Probolinggo"; all regencies when left out')
  .addOption(formatOption())
  .addOption(dbOption())
  .action(async (opts: { regency?: string; format: Format; db: string }) => {
    await withStore(opts.db, async (store) =>
      console.log(render(await store.units(opts.regency), UNITS, opts.format)),
    );
  });

program
  .command('officials')
  .description("a regency's officials, each under every form of the name its sources use, with their roles")
  .option('--regency <name>', 'e.g. "Kabupaten Probolinggo"; all regencies when left out')
  .addOption(formatOption())
  .addOption(dbOption())
  .action(async (opts: { regency?: string; format: Format; db: string }) => {
    await withStore(opts.db, async (store) =>
      console.log(render(await store.officials(opts.regency), OFFICIALS, opts.format)),
    );
  });

program
  .command('scores')
  .description("a regency's scores (RB index, SAKIP, IKM, ZI…) per year; sources that disagree are flagged")
  .option('--regency <name>', 'e.g. "Kabupaten Probolinggo"; all regencies when left out')
  .addOption(formatOption())
  .addOption(dbOption())
  .action(async (opts: { regency?: string; format: Format; db: string }) => {
    await withStore(opts.db, async (store) =>
      console.log(render(await store.scores(opts.regency), SCORES, opts.format)),
    );
  });

program
  .command('regencies')
  .description('regencies in the timeline, with their numbers of events, units and awarded units')
  .addOption(formatOption())
  .addOption(dbOption())
  .action(async (opts: { format: Format; db: string }) => {
    await withStore(opts.db, async (store) =>
      console.log(render(await store.regencies(), REGENCIES, opts.format)),
    );
  });

program
  .command('explain')
  .description('show where an event comes from: every source document, sentence, offsets, extractor version')
  .argument('<event-id>', 'an id from `zi timeline`')
  .option('--json', 'print the event as JSON')
  .addOption(dbOption())
  .action(async (id: string, opts: { json?: boolean; db: string }) => {
    await withStore(opts.db, async (store) => {
      const event = await store.event(id);
      if (event === null) throw new UsageError(`no event with id ${id} (list them with zi timeline)`);
      console.log(opts.json ? JSON.stringify(event, null, 2) : explainEvent(event));
    });
  });

program
  .command('reextract')
  .description('extract every stored document again from its stored text, re-merge, print what changed')
  .addOption(dbOption())
  .action(async (opts: { db: string }) => {
    const { documents, updated, pages, change } = await reextractInThread(
      { dbPath: opts.db, databaseUrl: config.databaseUrl },
      config.reextractHeapMb,
    );
    const { added, removed, changed } = change.counts;
    console.log(`documents ${documents}: ${updated} with new facts`);
    if (pages.filled + pages.left > 0) {
      // A PDF left without reads to another text now than the one stored, which its offsets point into.
      const left =
        pages.left > 0 ? `, ${pages.left} left without: they read differently from their stored text` : '';
      console.log(`PDFs stored without pages: ${pages.filled} given their pages${left}`);
    }
    console.log(`timeline: ${added} events added, ${removed} removed, ${changed} changed`);
    for (const e of change.added) console.log(`  + ${eventLine(e)}`);
    for (const e of change.removed) console.log(`  - ${eventLine(e)}`);
    for (const { before, after } of change.changed)
      console.log(`  ~ ${eventLine(before)}  →  ${eventLine(after)}`);
    const shown = change.added.length + change.removed.length + change.changed.length;
    if (added + removed + changed > shown) console.log(`  … and ${added + removed + changed - shown} more`);
  });

program
  .command('serve')
  .description('serve the read-only HTTP API over the store, and Bull Board too when REDIS_URL is set')
  .addOption(new Option('--port <n>', 'port; 0 takes any free one').argParser(portNumber).default(8080))
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(dbOption())
  .action(async (opts: { port: number; host: string; db: string }) => {
    // fastify, Bull Board and BullMQ load only here, so that the other commands start fast.
    const { buildServer } = await import('../api/server.js');
    const store = await openStore({ dbPath: opts.db, databaseUrl: config.databaseUrl });
    // The configuration always has a Redis URL (a local default); the board is shown only when one was given.
    const redisGiven = (process.env.REDIS_URL ?? '').trim() !== '';
    const crawl = redisGiven
      ? await Promise.all([import('../jobs/redis.js'), import('../jobs/queues.js')]).then(
          ([{ connectRedis }, { openQueues }]) => {
            const redis = connectRedis(config.redisUrl);
            return { redis, queues: openQueues(redis) };
          },
        )
      : null;
    const app = await buildServer(store, {
      ...(crawl ? { queues: crawl.queues } : {}),
      logger: { level: 'info', stream: process.stderr },
    });
    try {
      const url = await app.listen({ port: opts.port, host: opts.host }).catch((cause: Error) => {
        throw new UsageError(`cannot listen on ${opts.host}:${opts.port}: ${cause.message}`);
      });
      console.error(
        `zi API on ${url}/api (OpenAPI: ${url}/api/openapi.json), web page on ${url}/${crawl ? `, Bull Board on ${url}/admin/queues` : ''}; Ctrl-C stops`,
      );
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      });
      console.error(`zi serve: ${signal}, closing`);
    } finally {
      await app.close();
      await crawl?.queues.close();
      crawl?.redis.disconnect();
      await store.close();
    }
  });

addCrawlCommands(program, config, dbOption);

program
  .command('extract')
  .description('extract without storing; write one zi-gold/1 file per document')
  .argument('<paths...>', 'files or folders')
  .requiredOption('--emit-gold <dir>', 'folder for <name>.json predictions')
  .action(async (paths: string[], opts: { emitGold: string }) => {
    mkdirSync(opts.emitGold, { recursive: true });
    let failed = 0;
    for (const file of listInputs(paths)) {
      try {
        const done = await processFile(file);
        const name = documentName(file);
        writeFileSync(
          join(opts.emitGold, `${name}.json`),
          `${JSON.stringify(toGold(name, done.document, done.facts), null, 2)}\n`,
        );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.error(`error: ${error.message}`);
        failed++;
      }
    }
    if (failed > 0) process.exitCode = 1;
  });

program
  .command('parse')
  .description(
    'parse files (html, txt, pdf, also gzipped) without extracting; print each as one JSON line: file, title, published, text',
  )
  .argument('<files...>', 'files; the text of an HTML page is its headline, then one paragraph per line')
  .action(async (files: string[]) => {
    let failed = 0;
    for (const file of files) {
      try {
        const { title, published, text } = await parseFile(file);
        console.log(JSON.stringify({ file, title, published, text }));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.error(`error: ${error.message}`);
        failed++;
      }
    }
    if (failed > 0) process.exitCode = 1;
  });

program
  .command('eval')
  .description('extract the documents beside *.gold.json files and score them per field')
  .requiredOption('--gold <dir>', 'folder with <name>.gold.json and the documents')
  .option('--json', 'print the report as JSON')
  .option('--show-errors', 'list every false positive and negative on stderr')
  .option('--min-macro-f1 <x>', 'exit non-zero when macro F1 is below x (0–1)', fraction)
  .option(
    '--min-field-f1 <x>',
    'exit non-zero when any of units, officials, events, awards, scores is below x (0–1)',
    fraction,
  )
  .action(async (opts: EvalOptions) => {
    const gold = new Map<string, GoldDocument>();
    const entries = readdirSync(opts.gold);
    for (const f of entries.filter((e) => e.endsWith('.gold.json'))) {
      const parsed = GoldDocumentSchema.safeParse(JSON.parse(readFileSync(join(opts.gold, f), 'utf8')));
      if (!parsed.success)
        throw new UsageError(`${join(opts.gold, f)}: not zi-gold/1 (${parsed.error.issues[0]?.message})`);
      gold.set(f.replace(/\.gold\.json$/, ''), parsed.data);
    }
    if (gold.size === 0) throw new UsageError(`no *.gold.json in ${opts.gold}`);
    const pred = new Map<string, GoldDocument>();
    for (const name of gold.keys()) {
      const doc = entries.find(
        (e) =>
          e !== `${name}.gold.json` &&
          e !== `${name}.meta.json` &&
          /\.(txt|html?|pdf)$/i.test(e) &&
          documentName(e) === name,
      );
      if (!doc) continue;
      try {
        const done = await processFile(join(opts.gold, doc));
        pred.set(name, toGold(name, done.document, done.facts));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.error(`error: ${error.message}`);
      }
    }
    const report = evaluate(gold, pred);
    if (opts.json) console.log(JSON.stringify({ ...report, errors: undefined }, null, 2));
    else console.log(formatReport(report));
    if (opts.showErrors) for (const e of report.errors) console.error(e);
    if (opts.minMacroF1 !== undefined && report.macroF1 < opts.minMacroF1) {
      console.error(`macro F1 ${report.macroF1.toFixed(3)} is below the bar ${opts.minMacroF1}`);
      process.exitCode = 1;
    }
    const minField = opts.minFieldF1;
    if (minField !== undefined) {
      for (const field of CORE_FIELDS) {
        const f1 = report.fields[field]?.f1 ?? 0;
        if (f1 >= minField) continue;
        console.error(`${field} F1 ${f1.toFixed(3)} is below the bar ${minField}`);
        process.exitCode = 1;
      }
    }
  });

interface EvalOptions {
  gold: string;
  json?: boolean;
  showErrors?: boolean;
  minMacroF1?: number;
  minFieldF1?: number;
}

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('must be a port, 0 to 65535');
  return n;
}

function fraction(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError || error instanceof StoreError || error instanceof InputError) {
    console.error(`zi: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
