import { z } from 'zod';

/**
 * Settings read from the environment, once, at start-up. Empty strings count as unset.
 *
 * | key        | env      | default        |
 * |------------|----------|----------------|
 * | dbPath      | ZI_DB        | ./data/zi.db   |
 * | databaseUrl | DATABASE_URL | (unset: SQLite) |
 * | reextractHeapMb | ZI_REEXTRACT_HEAP_MB | 256 |
 * | redisUrl    | REDIS_URL    | redis://127.0.0.1:6379 |
 * | allowAddresses | ZI_ALLOW_ADDRESSES | (none: private addresses refused) |
 * | jobLockMs   | ZI_JOB_LOCK_MS | 30000 |
 * | fetchTimeoutMs | ZI_FETCH_TIMEOUT_MS | 30000 |
 */
export const ConfigSchema = z.object({
  dbPath: z.string().min(1).default('./data/zi.db'),
  databaseUrl: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The heap cap of `zi reextract`'s thread, in MB; see pipeline/reextract-thread.ts. */
  reextractHeapMb: z.coerce
    .number({ error: 'must be a whole number of MB' })
    .int('must be a whole number of MB')
    .min(64, 'must be at least 64 (MB)')
    .default(256),
  /** The Redis the crawl queues live in. */
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  /**
   * Private, loopback or link-local addresses the fetcher may reach after all, comma-separated
   * (a local test site: `127.0.0.1,::1`). Everything else private stays refused.
   */
  allowAddresses: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be IP addresses, comma-separated' })))
    .default([]),
  /** How long a crawl job's lock lasts; a dead worker's jobs return to the queue after about this. */
  jobLockMs: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1000, 'must be at least 1000 (ms)')
    .default(30_000),
  /** The longest one fetch may take, body included; it also bounds how long a dead worker holds a host. */
  fetchTimeoutMs: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1000, 'must be at least 1000 (ms)')
    .default(30_000),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Which environment variable sets each key, so an error names what the user wrote. */
const ENV_OF: Record<keyof Config, string> = {
  dbPath: 'ZI_DB',
  databaseUrl: 'DATABASE_URL',
  reextractHeapMb: 'ZI_REEXTRACT_HEAP_MB',
  redisUrl: 'REDIS_URL',
  allowAddresses: 'ZI_ALLOW_ADDRESSES',
  jobLockMs: 'ZI_JOB_LOCK_MS',
  fetchTimeoutMs: 'ZI_FETCH_TIMEOUT_MS',
};

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(ENV_OF).map(([key, name]) => [key, blankToUndefined(env[name])])),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = i.path[0] as keyof Config;
      return `${ENV_OF[key] ?? String(key)}=${JSON.stringify(env[ENV_OF[key]] ?? '')}: ${i.message}`;
    });
    throw new Error(`bad configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
