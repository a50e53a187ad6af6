import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

const WEB = new URL('../web/', import.meta.url);

let bundle: Promise<string> | undefined;

/**
 * The page's script: web/src bundled into one file, built once per process when the server starts.
 * Bundling at start keeps the page's code in TypeScript, type-checked with the rest, with no build
 * step for users and nothing fetched from elsewhere: the page works offline.
 */
function pageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('src/main.ts', WEB))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then((result) => {
    const [file] = result.outputFiles;
    if (!file) throw new Error('esbuild gave no output for web/src/main.ts');
    return file.text;
  });
  return bundle;
}

/** The web page at /: index.html and its stylesheet from web/public, its script from web/src. */
export async function registerWebPage(app: FastifyInstance): Promise<void> {
  const script = await pageScript();
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('public/', WEB)),
    prefix: '/',
    index: ['index.html'],
    wildcard: false,
  });
  app.get('/app.js', (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script),
  );
}
