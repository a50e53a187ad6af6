import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import Fastify from 'fastify';
import type { CrawlQueues } from './queues.js';

export interface DashboardOptions {
  port: number;
  host: string;
}

/** Bull Board over the four crawl queues: jobs by state, failed jobs with their reasons, retries. */
export async function startDashboard(
  queues: CrawlQueues,
  { port, host }: DashboardOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  const board = new FastifyAdapter();
  board.setBasePath('/');
  createBullBoard({
    queues: [queues.discover, queues.fetch, queues.extract, queues.merge].map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
  });
  await app.register(board.registerPlugin(), { prefix: '/' });
  const url = await app.listen({ port, host });
  return { url, close: () => app.close() };
}
