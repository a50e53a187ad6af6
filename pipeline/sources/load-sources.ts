import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { SOURCES_FIELDS, type SourcesFile, SourcesFileSchema } from '../../models/sources.js';
import { UsageError } from '../errors.js';

/**
 * A sources file that cannot be used. Each problem is one line, `file:line:col: where: what`, with `where`
 * the field path and the source's name (`sources[2] (radar-jember).schedule`), so an editor can jump to it.
 */
export class SourcesError extends UsageError {
  override name = 'SourcesError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('\n'));
  }
}

interface Problem {
  path?: readonly PropertyKey[];
  message: string;
  /** Character offset in the file, where it is known. */
  offset?: number;
}

/** Reads a sources file: YAML for .yml and .yaml, JSON for .json. Throws SourcesError naming every problem. */
export function loadSources(path: string): SourcesFile {
  // Before reading: with a wrong extension the file could not be used even if it exists.
  formatOf(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a sources file'
          : `cannot be read (${(e as Error).message})`;
    throw new SourcesError(path, [`${path}: ${why}`]);
  }
  return parseSources(text, path);
}

/** Parses the text of a sources file; `name` picks the format by its extension and names the file in errors. */
export function parseSources(text: string, name: string): SourcesFile {
  const format = formatOf(name);
  const source = text.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  // JSON is read by JSON.parse; the YAML document of the same text only locates problems by line.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: format === 'yaml' });
  const error = (problems: Problem[], data?: unknown) => sourcesError(name, problems, lineCounter, data);

  if (source.trim() === '' || (format === 'yaml' && doc.contents === null && doc.errors.length === 0)) {
    throw error([{ message: 'is empty: expected a mapping with a "sources" list' }]);
  }
  let data: unknown;
  if (format === 'yaml') {
    if (doc.errors.length > 0) throw error(yamlSyntaxProblems(doc, lineCounter));
    try {
      data = doc.toJS();
    } catch (e) {
      // An alias whose anchor is missing, or one that expands past yaml's limit.
      throw error([{ message: `not usable YAML: ${(e as Error).message}` }]);
    }
  } else {
    try {
      data = JSON.parse(source);
    } catch (e) {
      throw error([jsonSyntaxProblem(e as Error)]);
    }
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const message = `the top level is ${describe(data)}: expected a mapping with a "sources" list`;
    throw error([{ message, offset: doc.contents?.range?.[0] }]);
  }
  const parsed = SourcesFileSchema.safeParse(data, { error: typeMessage });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue): Problem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => {
          const path = [...issue.path, key];
          return { path, message: unknownField(key, issue.path), offset: offsetOf(doc, path) };
        })
      : [{ path: issue.path, message: issue.message, offset: offsetOf(doc, issue.path) }],
  );
  throw error(problems, data);
}

function sourcesError(
  name: string,
  problems: Problem[],
  lineCounter: LineCounter,
  data: unknown,
): SourcesError {
  // In file order, as someone fixing them reads; problems without a position last.
  const order = (p: Problem) => p.offset ?? Number.POSITIVE_INFINITY;
  const sorted = [...problems].sort((a, b) => order(a) - order(b));
  return new SourcesError(
    name,
    sorted.map((p) => render(name, p, lineCounter, data)),
  );
}

function formatOf(name: string): 'yaml' | 'json' {
  const ext = extname(name).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  if (ext === '.json') return 'json';
  throw new SourcesError(name, [`${name}: expected a .yml, .yaml or .json file`]);
}

function yamlSyntaxProblems(doc: Document, lineCounter: LineCounter): Problem[] {
  // One cause often yields several errors on the same line; the first says it best.
  const seen = new Set<number>();
  return doc.errors.flatMap((e) => {
    const { line } = lineCounter.linePos(e.pos[0]);
    if (seen.has(line)) return [];
    seen.add(line);
    // An unquoted cron expression starts with `*`, which YAML reads as an alias.
    const hint = /alias/i.test(e.message)
      ? ' (a value starting with * is a YAML alias: quote cron expressions, e.g. schedule: "*/30 * * * *")'
      : '';
    return [{ message: `not valid YAML: ${e.message}${hint}`, offset: e.pos[0] }];
  });
}

function jsonSyntaxProblem(e: Error): Problem {
  // V8: "Expected ',' or '}' after property value in JSON at position 42" (Node 22 adds "(line 3 column 5)").
  const at = /^(.*) in JSON at position (\d+)/s.exec(e.message);
  if (at?.[1] !== undefined) return { message: `not valid JSON: ${at[1]}`, offset: Number(at[2]) };
  // V8 quotes the offending text raw; escaped, a newline in it cannot split the one-line problem.
  const escaped = e.message.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return { message: `not valid JSON: ${escaped}` };
}

/** zod's "Invalid input: expected string, received undefined", in the words of someone editing YAML. */
const typeMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'required field is missing';
  const expected: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a mapping',
  };
  return `expected ${expected[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `text (${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)})`;
  return `${typeof value === 'number' ? 'a number' : `a ${typeof value}`} (${String(value)})`;
}

function unknownField(key: string, parent: readonly PropertyKey[]): string {
  const level = parent.length === 0 ? 'file' : parent.length === 2 ? 'source' : 'rate';
  // Compared without case or separators, so start_urls and StartURLs find startUrls.
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: { name: string; distance: number } | undefined;
  for (const name of SOURCES_FIELDS[level]) {
    const distance = editDistance(norm(key), norm(name));
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  if (best) return `unknown field (did you mean "${best.name}"?)`;
  return `unknown field (allowed here: ${SOURCES_FIELDS[level].join(', ')})`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Where the value at `path` starts (at its key, for a mapping entry), or its deepest existing parent. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (pair === undefined) break;
      if (isNode(pair.key)) offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function render(file: string, problem: Problem, lineCounter: LineCounter, data: unknown): string {
  const pos = problem.offset === undefined ? undefined : lineCounter.linePos(problem.offset);
  const at = pos === undefined ? file : `${file}:${pos.line}:${pos.col}`;
  const where = fieldPath(problem.path ?? [], data);
  return `${at}: ${where === '' ? '' : `${where}: `}${problem.message}`;
}

/** `sources[2] (radar-jember).rate.minDelaySeconds`: the index as zod counts, the name as the file says. */
function fieldPath(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      if (i === 1 && path[0] === 'sources') {
        const name = (data as { sources?: { name?: unknown }[] }).sources?.[segment]?.name;
        if (typeof name === 'string' && name !== '') out += ` (${name})`;
      }
    } else {
      out += out === '' ? String(segment) : `.${String(segment)}`;
    }
  });
  return out;
}
