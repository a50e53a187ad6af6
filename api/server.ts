import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { registerBoard } from '../jobs/dashboard.js';
import type { CrawlQueues } from '../jobs/queues.js';
import type { Store } from '../pipeline/store/store.js';
import { openApiRoute } from './openapi.js';
import { BadParameterError, NotFoundError } from './route.js';
import { ROUTES } from './routes/index.js';
import { registerWebPage } from './web-page.js';

export interface ServerOptions {
  /** The crawl queues, shown read-only by Bull Board at /admin/queues; left out when Redis is not configured. */
  queues?: CrawlQueues;
  /** Fastify's logger: where requests and the details of failures go. Off when left out. */
  logger?: FastifyServerOptions['logger'];
}

/** A URL that cannot be decoded is refused before routing, where the error handler does not reach. */
function refuseMalformed(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.code(error.statusCode ?? 400).send({ error: 'bad request', message: error.message });
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The read-only HTTP API over a store, not yet listening: `zi serve` listens, tests inject. Everything
 * lives under /api (and the board under /admin/queues); / is the web page.
 */
export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    frameworkErrors: refuseMalformed,
  });

  // Before routing, so that no method but GET and HEAD reaches a route, the board's buttons included.
  app.addHook('onRequest', async (request, reply) => {
    if (READ_METHODS.has(request.method)) return;
    return reply
      .code(405)
      .header('allow', 'GET, HEAD')
      .send({
        error: 'method not allowed',
        message: `${request.method} is not allowed: this API only reads`,
      });
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof BadParameterError)
      return reply
        .code(400)
        .send({ error: 'bad parameter', parameter: error.parameter, message: error.message });
    if (error instanceof NotFoundError)
      return reply.code(404).send({ error: 'not found', message: error.message });
    // Anything else is a fault of ours: its message and stack may show the store's insides, so they go
    // to the log and the client learns only that it failed.
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not found', message: `no route ${request.url.split('?')[0]}` }),
  );

  for (const route of [...ROUTES, openApiRoute(ROUTES)]) route.register(app, store);
  await registerWebPage(app);
  if (options.queues) await registerBoard(app, options.queues, { prefix: '/admin/queues', readOnly: true });
  return app;
}
