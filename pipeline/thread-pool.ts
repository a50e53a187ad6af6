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

/** One thread of the pool: its worker, how many requests it holds, whether its module has loaded. */
interface Thread {
  worker: Worker;
  held: number;
  loaded: boolean;
}

/**
 * Worker threads, each running one TypeScript module that answers requests (see `answerRequests`). A
 * request goes to the thread with the fewest in hand, and its promise settles with that thread's answer.
 * A thread that dies or stops fails what it held; one that had loaded is replaced, so one document that
 * exhausts a thread's heap costs that document, not the pool. A module that cannot load fails the pool.
 */
export class ThreadPool<Request, Result> {
  private readonly threads: Thread[] = [];
  private next = 0;
  private closing = false;
  /** Why the pool cannot work: a thread could not load its module. */
  private broken: Error | null = null;
  /** Settles once every thread has loaded its module (or one failed to). */
  readonly ready: Promise<void>;
  private readonly waiting = new Map<
    number,
    { thread: Thread; resolve(r: Result): void; reject(e: Error): void }
  >();

  constructor(
    private readonly module: URL,
    size: number,
    private readonly resourceLimits?: ResourceLimits,
  ) {
    this.ready = Promise.all(Array.from({ length: size }, () => this.start())).then(() => {});
    // Whoever waits for readiness hears of a failure; a pool nobody waits on fails its requests instead.
    this.ready.catch(() => {});
  }

  get size(): number {
    return this.threads.length;
  }

  run(body: Request): Promise<Result> {
    if (this.broken) return Promise.reject(this.broken);
    let thread = this.threads[0] as Thread;
    for (const t of this.threads) if (t.held < thread.held) thread = t;
    const id = this.next++;
    thread.held++;
    return new Promise<Result>((resolve, reject) => {
      this.waiting.set(id, { thread, resolve, reject });
      thread.worker.postMessage({ id, body } satisfies Envelope<Request>);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  /** Starts a thread in a new place, or in the place of `replacing`; settles once its module has loaded. */
  private start(replacing?: Thread): Promise<void> {
    const boot = new URL('../bin/ts-worker.mjs', import.meta.url);
    const worker = new Worker(boot, {
      workerData: { module: this.module.href },
      resourceLimits: this.resourceLimits,
    });
    const thread: Thread = { worker, held: 0, loaded: false };
    const place = replacing ? this.threads.indexOf(replacing) : this.threads.length;
    this.threads[place] = thread;
    return new Promise((resolve, reject) => {
      let failure: Error | null = null;
      worker.on('message', (a: Answer<Result> | typeof READY) => {
        if (a !== READY) return this.settle(a);
        thread.loaded = true;
        resolve();
      });
      worker.on('error', (error) => {
        failure = error;
      });
      worker.on('exit', (code) => {
        const why = failure ?? new Error(`worker thread exited (code ${code})`);
        this.fail(thread, why);
        if (!thread.loaded) {
          this.broken ??= new Error(`worker thread could not start: ${why.message}`);
          reject(this.broken);
        } else if (!this.closing) this.start(thread).catch(() => {});
      });
    });
  }

  private settle(answer: Answer<Result>): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return;
    this.waiting.delete(answer.id);
    waiter.thread.held--;
    if ('result' in answer) waiter.resolve(answer.result);
    else waiter.reject(fromThread(answer.error));
  }

  private fail(thread: Thread, error: Error): void {
    for (const [id, waiter] of this.waiting)
      if (waiter.thread === thread) {
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
