import type { Redis } from 'ioredis';
import {
  compileSource,
  type Source,
  type SourcePatterns,
  SourceSchema,
  type SourcesFile,
} from '../models/index.js';

/** A source ready to crawl by: its patterns compiled, its hosts in a set. */
export interface CompiledSource extends Source {
  patterns: SourcePatterns;
  hosts: ReadonlySet<string>;
}

const KEY = 'zi:sources';
const USER_AGENT_KEY = 'zi:crawl:user-agent';
/** Workers re-read a source this often, so an edited sources file reaches running workers. */
const CACHE_MS = 10_000;

/**
 * The sources every worker crawls by, in Redis (`zi:sources`, name → JSON), written by `zi schedule`
 * and `zi crawl` from the validated sources file. Jobs then carry only a source's name.
 */
export class SourceRegistry {
  private readonly cache = new Map<string, { at: number; source: CompiledSource }>();
  private agent: { at: number; value: string } | null = null;

  constructor(private readonly redis: Redis) {}

  /** Registers sources of a file, and the User-Agent the file names for every fetch. */
  async save(file: SourcesFile, sources: readonly Source[]): Promise<void> {
    await this.redis.set(USER_AGENT_KEY, file.userAgent);
    if (sources.length === 0) return;
    await this.redis.hset(KEY, Object.fromEntries(sources.map((s) => [s.name, JSON.stringify(s)])));
  }

  /** The User-Agent the last registered sources file named, else `fallback`. */
  async userAgent(fallback: string): Promise<string> {
    if (this.agent && Date.now() - this.agent.at < CACHE_MS) return this.agent.value;
    const value = (await this.redis.get(USER_AGENT_KEY)) ?? fallback;
    this.agent = { at: Date.now(), value };
    return value;
  }

  async get(name: string): Promise<CompiledSource> {
    const hit = this.cache.get(name);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.source;
    const json = await this.redis.hget(KEY, name);
    if (json === null)
      throw new Error(
        `source "${name}" is not registered: run zi schedule or zi crawl with its sources file`,
      );
    const parsed = SourceSchema.safeParse(JSON.parse(json));
    if (!parsed.success) throw new Error(`source "${name}" in Redis is not valid: ${parsed.error.message}`);
    const source = {
      ...parsed.data,
      patterns: compileSource(parsed.data),
      hosts: new Set(parsed.data.allowedHosts),
    };
    this.cache.set(name, { at: Date.now(), source });
    return source;
  }
}
