import { z } from 'zod';

/**
 * Settings read from the environment, once, at start-up. Empty strings count as unset.
 *
 * | key        | env      | default        |
 * |------------|----------|----------------|
 * | dbPath      | ZI_DB        | ./data/zi.db   |
 * | databaseUrl | DATABASE_URL | (unset: SQLite) |
 * | reextractHeapMb | ZI_REEXTRACT_HEAP_MB | 256 |
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
});
export type Config = z.infer<typeof ConfigSchema>;

/** Which environment variable sets each key, so an error names what the user wrote. */
const ENV_OF: Record<keyof Config, string> = {
  dbPath: 'ZI_DB',
  databaseUrl: 'DATABASE_URL',
  reextractHeapMb: 'ZI_REEXTRACT_HEAP_MB',
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
