import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CrawlQueues } from './queues.js';

export interface BoardOptions {
  /** Where the board lives on the app, e.g. `/` or `/admin/queues`. */
  prefix: string;
  /** No retries, cleaning, pausing or job removal from the page: for a server that promises to change nothing. */
  readOnly: boolean;
}

/**
 * Bull Board over the four crawl queues (jobs by state, failed jobs with their reasons, retries),
 * registered on `app` under `prefix`: `zi dashboard` serves it alone, `zi serve` beside the API.
 */
export async function registerBoard(
  app: FastifyInstance,
  queues: CrawlQueues,
  { prefix, readOnly }: BoardOptions,
): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(prefix);
  createBullBoard({
    queues: [queues.discover, queues.fetch, queues.extract, queues.merge].map(
      (q) => new BullMQAdapter(q, { readOnlyMode: readOnly }),
    ),
    serverAdapter: board,
  });
  await app.register(board.registerPlugin(), { prefix });
}

export interface DashboardOptions {
  port: number;
  host: string;
}

/** `zi dashboard`: the board alone, at the root, with its buttons. */
export async function startDashboard(
  queues: CrawlQueues,
  { port, host }: DashboardOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  await registerBoard(app, queues, { prefix: '/', readOnly: false });
  const url = await app.listen({ port, host });
  return { url, close: () => app.close() };
}
