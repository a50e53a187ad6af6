import { z } from 'zod';

/** What a fetched URL is to the crawl: where its links lead, or a document to extract. */
export const PageRoleSchema = z.enum(['listing', 'feed', 'sitemap', 'article', 'report']);
export type PageRole = z.infer<typeof PageRoleSchema>;

const RunIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, 'a run id: letters, digits, _ . -');

/** A run of one source: its seeds are admitted, then every page found from them. */
export const DiscoverJobSchema = z.object({
  /** Absent on scheduled jobs: each of those starts a run of its own. */
  runId: RunIdSchema.optional(),
  /** The source's name in the sources file; the source itself travels with the job. */
  source: z.string().min(1),
});
export type DiscoverJob = z.infer<typeof DiscoverJobSchema>;

export const FetchJobSchema = z.object({
  runId: RunIdSchema,
  source: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  role: PageRoleSchema,
  /** The sitemap's lastmod for the page, when it gave one: unchanged since the last fetch means no request. */
  lastmod: z.string().nullable().default(null),
  /** How many times a 429/503 Retry-After has put this fetch off; bounded so a hostile host cannot hold it forever. */
  deferrals: z.number().int().min(0).default(0),
});
export type FetchJob = z.infer<typeof FetchJobSchema>;

export const ExtractJobSchema = z.object({
  runId: RunIdSchema,
  source: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  /** The response body, base64: documents are capped at the fetcher's size limit. */
  body: z.string(),
  charset: z.string().nullable(),
  /** When it was fetched, ISO 8601. */
  fetchedAt: z.string(),
  /** The validators and hash to remember once it is stored, so the next run can skip it. */
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  sha256: z.string(),
});
export type ExtractJob = z.infer<typeof ExtractJobSchema>;

/** The counts a run keeps in Redis and `zi crawl` shows. */
export const RunStatusSchema = z.object({
  runId: RunIdSchema,
  /** URLs (and the discovery step) admitted into the run, and how many of them are finished. */
  admitted: z.number().int(),
  finished: z.number().int(),
  fetched: z.number().int(),
  notModified: z.number().int(),
  unchanged: z.number().int(),
  extracted: z.number().int(),
  disallowed: z.number().int(),
  overLimit: z.number().int(),
  failed: z.number().int(),
  bytes: z.number().int(),
});
export type RunStatus = z.infer<typeof RunStatusSchema>;
