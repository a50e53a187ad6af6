import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Listing, render } from '../pipeline/format.js';
import type { Store } from '../pipeline/store/store.js';

/** A path or query parameter the schema refuses: a 400 naming it. */
export class BadParameterError extends Error {
  override name = 'BadParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

/** An id or regency the store holds nothing on: a 404 naming it. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A schema under the name the OpenAPI document gives it in its components. */
export interface Named<T = unknown> {
  id: string;
  schema: z.ZodType<T>;
}

/** A route as the server registers it and the OpenAPI document describes it. */
export interface ApiRoute {
  path: string;
  operationId: string;
  summary: string;
  params: z.ZodObject;
  query: z.ZodObject;
  /** The JSON body of a 200. */
  response: Named;
  /** Schemas inside the response that the document names in its components (a list's item). */
  refers: readonly Named[];
  /** Whether `format=csv` answers text/csv instead. */
  csv: boolean;
  /** Whether an id or regency in the request can be unknown. */
  notFound: boolean;
  register(app: FastifyInstance, store: Store): void;
}

/** Parameters checked against their schema; the first problem names its parameter. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys')
    throw new BadParameterError(issue.keys[0] as string, 'is not a parameter of this route');
  throw new BadParameterError(issue.path.map(String).join('.'), issue.message);
}

interface RouteSpec<P extends z.ZodObject, Q extends z.ZodObject> {
  path: string;
  operationId: string;
  summary: string;
  params: P;
  query: Q;
  notFound: boolean;
}

/** What the OpenAPI document says of any route. */
function described(spec: RouteSpec<z.ZodObject, z.ZodObject>) {
  const { path, operationId, summary, params, query, notFound } = spec;
  return { path, operationId, summary, params, query, notFound };
}

interface Input<P extends z.ZodObject, Q extends z.ZodObject> {
  params: z.output<P>;
  query: z.output<Q>;
}

/** A route answering one JSON object. */
export function itemRoute<T, P extends z.ZodObject, Q extends z.ZodObject>(
  spec: RouteSpec<P, Q> & {
    response: Named<T>;
    get(store: Store, input: Input<P, Q>): Promise<T>;
  },
): ApiRoute {
  return {
    ...described(spec),
    response: spec.response,
    refers: [],
    csv: false,
    register(app, store) {
      app.get(spec.path, (request) =>
        spec.get(store, {
          params: parsed(spec.params, request.params),
          query: parsed(spec.query, request.query),
        }),
      );
    },
  };
}

interface PageInput {
  limit: number;
  offset: number;
}

/** One page of a list held whole in memory, with the list's length. */
export function paged<T>(all: readonly T[], { limit, offset }: PageInput): { items: T[]; total: number } {
  return { items: all.slice(offset, offset + limit), total: all.length };
}

const pages = new Map<z.ZodType, Named>();

/** The page object every list answers, `{ items, total, limit, offset }`, named after its items. */
function pageOf<T>(item: Named<T>): Named<{ items: T[]; total: number; limit: number; offset: number }> {
  let page = pages.get(item.schema);
  if (!page) {
    const count = z.number().int().nonnegative();
    page = {
      id: `${item.id}Page`,
      schema: z.object({ items: z.array(item.schema), total: count, limit: count, offset: count }),
    };
    pages.set(item.schema, page);
  }
  return page as Named<{ items: T[]; total: number; limit: number; offset: number }>;
}

/** A route answering a page of a list, as JSON or, with `format=csv` where it has columns, as CSV. */
export function listRoute<
  T,
  P extends z.ZodObject,
  Q extends z.ZodObject<{ limit: z.ZodType<number>; offset: z.ZodType<number> }>,
>(
  spec: RouteSpec<P, Q> & {
    item: Named<T>;
    csv?: { listing: Listing<T>; file(input: Input<P, Q>): string };
    list(store: Store, input: Input<P, Q>): Promise<{ items: T[]; total: number }>;
  },
): ApiRoute {
  const { csv } = spec;
  return {
    ...described(spec),
    response: pageOf(spec.item),
    refers: [spec.item],
    csv: csv !== undefined,
    register(app, store) {
      app.get(spec.path, async (request, reply) => {
        const input = {
          params: parsed(spec.params, request.params),
          query: parsed(spec.query, request.query),
        };
        // What Q's constraint promises, which TypeScript cannot read through z.output of a type parameter.
        const query = input.query as PageInput & { format?: string };
        const { items, total } = await spec.list(store, input);
        if (csv && query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${csv.file(input)}.csv"`)
            .header('x-total-count', String(total))
            .send(`${render(items, csv.listing, 'csv')}\n`);
        return { items, total, limit: query.limit, offset: query.offset };
      });
    },
  };
}

/** A name as it may stand in a file name: lower case, words joined by hyphens. */
export function fileSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
