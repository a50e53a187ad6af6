import { z } from 'zod';
import pkg from '../package.json' with { type: 'json' };
import { NoParams, NoQuery } from './params.js';
import { type ApiRoute, itemRoute, type Named } from './route.js';

/** The body of every answer that is not a 200. */
const ApiErrorSchema = z.object({
  error: z
    .string()
    .describe('"bad parameter", "bad request", "not found", "method not allowed" or "internal error"'),
  parameter: z.string().optional().describe('with "bad parameter": the parameter at fault'),
  message: z.string().optional(),
});

type JsonSchema = Record<string, unknown>;

/** A JSON Schema as an OpenAPI 3.1 schema object: its `$schema` and zod's fragment `$id` do not belong there. */
function bare({ $schema: _, $id: __, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function parameters(route: ApiRoute): JsonSchema[] {
  const of = (where: 'path' | 'query', shape: Record<string, z.ZodType>) =>
    Object.entries(shape).map(([name, field]) => {
      const schema = bare(z.toJSONSchema(field, { io: 'input' }) as JsonSchema);
      return {
        name,
        in: where,
        // A query parameter with a default or marked optional may be left out.
        required: where === 'path' || !field.safeParse(undefined).success,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema,
      };
    });
  return [...of('path', route.params.shape), ...of('query', route.query.shape)];
}

function operation(route: ApiRoute): JsonSchema {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: ref('Error') } },
  });
  return {
    operationId: route.operationId,
    summary: route.summary,
    parameters: parameters(route),
    responses: {
      '200': {
        description: route.summary,
        content: {
          'application/json': { schema: ref(route.response.id) },
          ...(route.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
        },
      },
      '400': error('a parameter is missing, unknown or malformed; `parameter` names it'),
      ...(route.notFound
        ? { '404': error('the store holds no such id or regency; `message` names it') }
        : {}),
      '500': error('something failed on the server, which logged the details'),
    },
  };
}

/** The OpenAPI 3.1 document of these routes: parameters and bodies from the same zod schemas that check them. */
export function openApiDocument(routes: readonly ApiRoute[]): JsonSchema {
  const registry = z.registry<{ id: string }>();
  const named: Named[] = [
    { id: 'Error', schema: ApiErrorSchema },
    ...routes.flatMap((r) => [r.response, ...r.refers]),
  ];
  for (const { id, schema } of named) if (!registry.has(schema)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const paths: Record<string, JsonSchema> = {};
  for (const route of routes) paths[route.path.replace(/:(\w+)/g, '{$1}')] = { get: operation(route) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'zi',
      version: pkg.version,
      description:
        'Read-only API over the Zona Integritas (WBK/WBBM) timelines per regency. Lists answer `{ items, total, limit, offset }`.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, bare(s as JsonSchema)])),
    },
  };
}

const OpenApiSchema = z.looseObject({ openapi: z.literal('3.1.0') });

/** `/api/openapi.json`: the document of `routes` and of itself, built once. */
export function openApiRoute(routes: readonly ApiRoute[]): ApiRoute {
  let document: JsonSchema | undefined;
  const self: ApiRoute = itemRoute({
    path: '/api/openapi.json',
    operationId: 'openApi',
    summary: 'this document',
    params: NoParams,
    query: NoQuery,
    notFound: false,
    response: { id: 'OpenApiDocument', schema: OpenApiSchema },
    get: async () => {
      document ??= openApiDocument([...routes, self]);
      return document as z.output<typeof OpenApiSchema>;
    },
  });
  return self;
}
