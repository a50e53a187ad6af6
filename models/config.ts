import { z } from 'zod';

/**
 * Settings read from the environment, once, at start-up. Empty strings count as unset.
 *
 * | key        | env      | default        |
 * |------------|----------|----------------|
 * | dbPath      | ZI_DB        | ./data/zi.db   |
 * | databaseUrl | DATABASE_URL | (unset: SQLite) |
 */
export const ConfigSchema = z.object({
  dbPath: z.string().min(1).default('./data/zi.db'),
  databaseUrl: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const parsed = ConfigSchema.safeParse({
    dbPath: blankToUndefined(env.ZI_DB),
    databaseUrl: blankToUndefined(env.DATABASE_URL),
  });
  if (!parsed.success) {
    throw new Error(
      `bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
