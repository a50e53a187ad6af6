import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  type GoldDocument,
  GoldDocumentSchema,
  loadConfig,
  PartialDateSchema,
  TimelineQuerySchema,
} from '../models/index.js';
import pkg from '../package.json' with { type: 'json' };
import { InputError, StoreError, UsageError } from './errors.js';
import { CORE_FIELDS, evaluate, formatReport } from './evaluate.js';
import { timelineCsv, timelineTable } from './format.js';
import { processFile } from './process-document.js';
import { documentName, listInputs } from './read-inputs.js';
import { type RunProgress, runFiles } from './run.js';
import { SqliteStore } from './store/sqlite-store.js';
import { toGold } from './to-gold.js';

const config = loadConfig(process.env);
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

const dbOption = () => new Option('--db <file>', 'SQLite store (env ZI_DB)').default(config.dbPath);

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
    const store = SqliteStore.open(opts.db);
    try {
      const summary = await runFiles(files, store, terminalProgress());
      for (const f of summary.failures) console.error(`error: ${f.message}`);
      console.log(
        `documents ${summary.documents}: ${summary.added} added, ${summary.unchanged} already stored, ${summary.failures.length} failed`,
      );
      console.log(`timeline: ${summary.events} events`);
      for (const [regency, n] of Object.entries(summary.eventsPerRegency).sort())
        console.log(`  ${regency}: ${n}`);
      if (summary.failures.length > 0) process.exitCode = 1;
    } finally {
      store.close();
    }
  });

program
  .command('timeline')
  .description('print the timeline, optionally for one regency and a date range')
  .option('--regency <name>', 'e.g. "Kabupaten Probolinggo" (a bare name matches both kabupaten and kota)')
  .option('--from <date>', 'first date, YYYY[-MM[-DD]]', partialDate)
  .option('--to <date>', 'last date, YYYY[-MM[-DD]]', partialDate)
  .addOption(
    new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
  )
  .addOption(dbOption())
  .action((opts: { regency?: string; from?: string; to?: string; format: string; db: string }) => {
    const query = TimelineQuerySchema.parse({ regency: opts.regency, from: opts.from, to: opts.to });
    const store = SqliteStore.open(opts.db);
    try {
      const events = store.timeline(query);
      if (opts.format === 'json') console.log(JSON.stringify(events, null, 2));
      else if (opts.format === 'csv') console.log(timelineCsv(events));
      else console.log(timelineTable(events));
    } finally {
      store.close();
    }
  });

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
