import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import pkg from '../package.json' with { type: 'json' };

/**
 * The crawl sources file (`sources.yml`, see `sources.example.yml`): which sites the crawler reads, where
 * it starts, which links it follows, and when. Validated data holds only strings and numbers, so a source
 * travels as BullMQ job data as it is; `compileSource` turns its patterns into RegExps where they are used.
 *
 * Patterns are JavaScript regular expressions with the `u` flag, tested against the absolute URL of a link
 * (after resolving it against its page) and not anchored: write `^https://host/...` to pin the host.
 * A link on an allowed host is a listing page if it matches `follow`, else an article if it matches
 * `articles`, else a report if it matches `reports`; any other link is left alone.
 */

/** Validation and `compileSource` must compile alike, or a pattern that passed could still throw later. */
const PATTERN_FLAGS = 'u';

/**
 * Sent with every request so a site's operator can see who crawls and how to reach them.
 * CHANGE-ME is a placeholder: put the project's public page there (or set `userAgent`) before crawling.
 */
export const DEFAULT_USER_AGENT = `zi-timeline/${pkg.version} (+https://github.com/CHANGE-ME/zi-timeline; crawling ZI news)`;

const DEFAULT_SCHEDULE = '0 */6 * * *';
const DEFAULT_TIMEZONE = 'Asia/Jakarta';

const quote = (s: string) => JSON.stringify(s);

const HttpUrlSchema = z.string().superRefine((s, ctx) => {
  // `new URL` alone also takes `http:example.com` and `mailto:`; an absolute http(s) URL names its host.
  if (!/^https?:\/\/[^/?#]/i.test(s) || !URL.canParse(s)) {
    ctx.addIssue({ code: 'custom', message: `${quote(s)} is not an absolute http(s) URL` });
  }
});

const PatternSchema = z
  .string()
  // An empty pattern matches every URL: as `articles` it would make every page an article.
  .min(1, 'must not be empty (an empty pattern matches every URL)')
  .superRefine((s, ctx) => {
    try {
      new RegExp(s, PATTERN_FLAGS);
    } catch (e) {
      // V8 repeats the pattern in its message ("Invalid regular expression: /(/u: Unterminated group").
      const reason = (e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
      ctx.addIssue({ code: 'custom', message: `${quote(s)} is not a valid regular expression (${reason})` });
    }
  });

/** Why `expr` is not a schedule BullMQ can run, or undefined if it is one. */
function cronProblem(expr: string): string | undefined {
  const fields = expr.trim().split(/\s+/).filter(Boolean);
  // cron-parser pads a short expression with `*` ("*/5 * *" runs every 5 minutes), hiding a truncated line.
  if (fields.length !== 5 && fields.length !== 6) {
    return `${quote(expr)} is not a cron expression (${fields.length} fields; expected 5, or 6 with seconds first)`;
  }
  // `H` is a random value drawn on every parse, and BullMQ parses again for each run, so runs would wander.
  if (fields.some((f) => /(?<![a-z])h(?![a-z])/i.test(f))) {
    return `${quote(expr)} uses H, which BullMQ would re-randomise before every run; write the minute out`;
  }
  try {
    CronExpressionParser.parse(expr);
  } catch (e) {
    return `${quote(expr)} is not a cron expression (${(e as Error).message})`;
  }
  return undefined;
}

const CronSchema = z.string().superRefine((s, ctx) => {
  const problem = cronProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const TimeZoneSchema = z.string().superRefine((s, ctx) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(s)} is not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`,
    });
  }
});

/** A host as `URL.hostname` gives it, so the crawler compares hosts with `===`. */
const HostSchema = z.string().superRefine((s, ctx) => {
  const url = URL.canParse(`http://${s}/`) ? new URL(`http://${s}/`) : undefined;
  if (url?.hostname !== s) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(s)} is not a host name (lowercase, no scheme, port or path: e.g. www.menpan.go.id)`,
    });
  }
});

/**
 * Politeness per host, whatever the number of sources on it. A robots.txt `Crawl-delay` longer than
 * `minDelaySeconds` wins: the crawler applies it, this file only sets the floor.
 */
const RateSchema = z.strictObject({
  /** Seconds between the end of one request to a host and the start of the next. */
  minDelaySeconds: z.number().min(0, 'must be 0 or more (seconds)').default(1),
  /**
   * Requests in flight to one host at once. 1, the default, is the polite setting for a real site; more
   * is for a site of one's own (a local mirror, a benchmark), usually with minDelaySeconds 0.
   */
  concurrency: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(32, 'must be at most 32')
    .default(1),
});

const SourceFieldsSchema = z.strictObject({
  /** Names the source in job ids, logs and the store: unique, and stable across edits of the file. */
  name: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'must be a lowercase slug: a-z, 0-9 and single hyphens between them (e.g. radar-jember)',
    ),
  /** Listing or index pages to start from (section fronts, tag pages, search results). */
  startUrls: z.array(HttpUrlSchema).default([]),
  /** RSS or Atom feeds. */
  feeds: z.array(HttpUrlSchema).default([]),
  /** Sitemaps or sitemap indexes. */
  sitemaps: z.array(HttpUrlSchema).default([]),
  /** Links to fetch as further listing pages (pagination, category pages), whose links are sorted in turn. */
  follow: z.array(PatternSchema).default([]),
  /** Links to articles: fetched and stored as documents. */
  articles: PatternSchema,
  /** Links to PDF reports (LHE, rekap WBK/WBBM, SK): fetched and stored as documents. */
  reports: z.array(PatternSchema).default([]),
  /** When a crawl of this source starts: cron, 5 fields or 6 with seconds first, read by BullMQ. */
  schedule: CronSchema.default(DEFAULT_SCHEDULE),
  /** The zone `schedule` is read in. */
  timezone: TimeZoneSchema.default(DEFAULT_TIMEZONE),
  rate: RateSchema.prefault({}),
  /** Pages fetched in one run, listings and articles together: a runaway pagination stops here. */
  pageLimit: z
    .number()
    .int('must be a whole number of pages')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .default(500),
  /**
   * Hosts the crawl may fetch from besides those of startUrls, feeds and sitemaps (a CDN for PDFs, the
   * bare domain next to www). After validation the list holds both, start hosts first.
   */
  allowedHosts: z.array(HostSchema).optional(),
});

const startHosts = (s: { startUrls: string[]; feeds: string[]; sitemaps: string[] }) =>
  [...s.startUrls, ...s.feeds, ...s.sitemaps].map((u) => new URL(u).hostname);

export const SourceSchema = SourceFieldsSchema.superRefine((s, ctx) => {
  // Counted, not parsed: this runs even when one of the URLs failed its own check.
  if (s.startUrls.length + s.feeds.length + s.sitemaps.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'needs at least one of startUrls, feeds or sitemaps to start from',
    });
  }
}).transform((s) => ({ ...s, allowedHosts: [...new Set([...startHosts(s), ...(s.allowedHosts ?? [])])] }));
export type Source = z.infer<typeof SourceSchema>;

export const SourcesFileSchema = z.strictObject({
  userAgent: z
    .string()
    // An HTTP header value: a control character or non-ASCII text would make every request fail.
    .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII on one line (it is sent as an HTTP header)')
    .default(DEFAULT_USER_AGENT),
  sources: z
    .array(SourceSchema)
    .min(1, 'needs at least one source')
    .superRefine((sources, ctx) => {
      const first = new Map<string, number>();
      sources.forEach((s, i) => {
        const earlier = first.get(s.name);
        if (earlier === undefined) first.set(s.name, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `${quote(s.name)} is also the name of sources[${earlier}]`,
          });
      });
    }),
});
export type SourcesFile = z.infer<typeof SourcesFileSchema>;

/** The fields each level of the file may hold, so the loader can suggest one for a typo. */
export const SOURCES_FIELDS = {
  file: Object.keys(SourcesFileSchema.shape),
  source: Object.keys(SourceFieldsSchema.shape),
  rate: Object.keys(RateSchema.shape),
} as const;

export interface SourcePatterns {
  follow: RegExp[];
  articles: RegExp;
  reports: RegExp[];
}

/** The source's patterns as RegExps; valid for any source that passed `SourceSchema`. */
export function compileSource(source: Pick<Source, 'follow' | 'articles' | 'reports'>): SourcePatterns {
  const compile = (p: string) => new RegExp(p, PATTERN_FLAGS);
  return {
    follow: source.follow.map(compile),
    articles: compile(source.articles),
    reports: source.reports.map(compile),
  };
}
