import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type DocumentMeta, DocumentMetaSchema } from '../models/index.js';
import { InputError, UsageError } from './errors.js';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.pdf']);

/** Files to read from paths given on the command line: files as they are, folders walked in name order. */
export function listInputs(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()) ? [path] : [];
    });
}

/** The document's name in a corpus: its file name without the extension (`003_x.txt` → `003_x`). */
export function documentName(path: string): string {
  return basename(path).replace(/\.(txt|html?|pdf)$/i, '');
}

/** What a crawler would know about the file: its `<name>.meta.json` sidecar, when there is one. */
export function readMeta(path: string): DocumentMeta {
  const sidecar = path.replace(/\.(txt|html?|pdf)$/i, '.meta.json');
  if (sidecar === path || !existsSync(sidecar)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(sidecar, 'utf8'));
  } catch (cause) {
    throw new InputError(sidecar, `sidecar is not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = DocumentMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(sidecar, `sidecar field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}
