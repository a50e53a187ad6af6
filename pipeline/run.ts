import { InputError } from './errors.js';
import { processFile } from './process-document.js';
import { rebuild } from './rebuild.js';
import type { Store } from './store/store.js';

export interface RunFailure {
  source: string;
  message: string;
}

export interface RunSummary {
  documents: number;
  added: number;
  unchanged: number;
  failures: RunFailure[];
  events: number;
  eventsPerRegency: Record<string, number>;
}

export interface RunProgress {
  start(total: number): void;
  advance(source: string): void;
  stop(): void;
}

/**
 * `zi run`: every file through parse → extract → store, then the timeline is merged again. A file that
 * cannot be read is reported and skipped; what is stored already stays as it is.
 */
export async function runFiles(
  files: readonly string[],
  store: Store,
  progress?: RunProgress,
): Promise<RunSummary> {
  const summary: RunSummary = {
    documents: files.length,
    added: 0,
    unchanged: 0,
    failures: [],
    events: 0,
    eventsPerRegency: {},
  };
  progress?.start(files.length);
  for (const file of files) {
    try {
      const done = await processFile(file);
      const { added } = await store.saveDocument(done.document, done.raw, done.extractorVersion, done.facts);
      if (added) summary.added++;
      else summary.unchanged++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      summary.failures.push({ source: file, message: error.message });
    } finally {
      progress?.advance(file);
    }
  }
  progress?.stop();
  const rebuilt = await rebuild(store);
  summary.events = rebuilt.events;
  summary.eventsPerRegency = rebuilt.eventsPerRegency;
  return summary;
}
