import { type ResourceLimits, Worker } from 'node:worker_threads';
import { InputError } from './errors.js';

/** A request as it travels to a thread, and its answer back. */
interface Envelope<T> {
  id: number;
  body: T;
}
type Answer<R> = { id: number; result: R } | { id: number; error: ThreadError };
/** What a thread posts once its module is loaded and it takes requests. */
const READY = 'ready' as const;

/** An error as it crosses threads: an InputError stays one, naming its source; anything else keeps its text. */
interface ThreadError {
  name: string;
  message: string;
  input?: { source: string; reason: string };
}

/**
 * Worker threads, each running one TypeScript module that answers requests (see `answerRequests`). A
 * request goes to the thread with the fewest in hand, and its promise settles with that thread's answer;
 * a thread that dies or stops fails what it held.
 */
export class ThreadPool<Request, Result> {
  private readonly threads: { worker: Worker; held: number }[];
  private next = 0;
  /** Settles once every thread has loaded its module (or one failed to). */
  readonly ready: Promise<void>;
  private readonly waiting = new Map<
    number,
    { thread: number; resolve(r: Result): void; reject(e: Error): void }
  >();

  constructor(module: URL, size: number, resourceLimits?: ResourceLimits) {
    const boot = new URL('../bin/ts-worker.mjs', import.meta.url);
    const started: Promise<void>[] = [];
    this.threads = Array.from({ length: size }, (_, t) => {
      const worker = new Worker(boot, { workerData: { module: module.href }, resourceLimits });
      started.push(
        new Promise((resolve, reject) => {
          worker.on('message', (a: Answer<Result> | typeof READY) =>
            a === READY ? resolve() : this.settle(a),
          );
          worker.once('error', reject);
          worker.once('exit', (code) =>
            reject(new Error(`worker thread exited before it was ready (code ${code})`)),
          );
        }),
      );
      worker.on('error', (error) => this.failThread(t, error));
      // A thread that stops without an error (terminated, or its module returned) fails what it held too.
      worker.on('exit', (code) => this.failThread(t, new Error(`worker thread exited (code ${code})`)));
      return { worker, held: 0 };
    });
    this.ready = Promise.all(started).then(() => {});
    // Whoever waits for readiness hears of a failure; a pool nobody waits on fails its requests instead.
    this.ready.catch(() => {});
  }

  get size(): number {
    return this.threads.length;
  }

  run(body: Request): Promise<Result> {
    let t = 0;
    for (let k = 1; k < this.threads.length; k++)
      if ((this.threads[k]?.held ?? 0) < (this.threads[t]?.held ?? 0)) t = k;
    const thread = this.threads[t] as { worker: Worker; held: number };
    const id = this.next++;
    thread.held++;
    return new Promise<Result>((resolve, reject) => {
      this.waiting.set(id, { thread: t, resolve, reject });
      thread.worker.postMessage({ id, body } satisfies Envelope<Request>);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private settle(answer: Answer<Result>): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return;
    this.waiting.delete(answer.id);
    const thread = this.threads[waiter.thread];
    if (thread) thread.held--;
    if ('result' in answer) waiter.resolve(answer.result);
    else waiter.reject(fromThread(answer.error));
  }

  private failThread(t: number, error: Error): void {
    for (const [id, waiter] of this.waiting)
      if (waiter.thread === t) {
        this.waiting.delete(id);
        waiter.reject(error);
      }
  }
}

/** The thread's side: each request through `handle`, its result or error posted back by id. */
export function answerRequests<Request, Result>(
  port: {
    on(event: 'message', f: (e: Envelope<Request>) => void): void;
    postMessage(a: Answer<Result> | typeof READY): void;
  },
  handle: (body: Request) => Result | Promise<Result>,
): void {
  port.on('message', async ({ id, body }) => {
    let answer: Answer<Result>;
    try {
      answer = { id, result: await handle(body) };
    } catch (error) {
      answer = { id, error: toThread(error) };
    }
    port.postMessage(answer);
  });
  port.postMessage(READY);
}

function toThread(error: unknown): ThreadError {
  if (error instanceof InputError)
    return {
      name: error.name,
      message: error.message,
      input: { source: error.source, reason: error.reason },
    };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

function fromThread(error: ThreadError): Error {
  if (error.input) return new InputError(error.input.source, error.input.reason);
  return new Error(`worker thread failed: ${error.name}: ${error.message}`);
}
