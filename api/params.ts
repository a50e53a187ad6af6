import { z } from 'zod';
import { EventTypeSchema, PredicateSchema } from '../models/index.js';

// The path and query parameters of every route. Query objects are strict, so that a misspelt parameter
// is a 400 naming it rather than a filter silently left out; numbers arrive as strings and are coerced.

/** Large enough for a regency's whole timeline, small enough that one request stays cheap. */
const MAX_LIMIT = 1000;

const LIMIT_RANGE = `must be a whole number from 1 to ${MAX_LIMIT}`;
const limit = z.coerce
  .number({ error: LIMIT_RANGE })
  .int(LIMIT_RANGE)
  .min(1, LIMIT_RANGE)
  .max(MAX_LIMIT, LIMIT_RANGE)
  .default(100)
  .describe('items per page');
const OFFSET_RANGE = 'must be a whole number, 0 or more';
const offset = z.coerce
  .number({ error: OFFSET_RANGE })
  .int(OFFSET_RANGE)
  .min(0, OFFSET_RANGE)
  .default(0)
  .describe('items to skip');

const PageQuery = z.strictObject({ limit, offset });

export const ExportQuery = PageQuery.extend({
  format: z.enum(['json', 'csv']).default('json').describe('json: a page object; csv: the page as CSV'),
});

/** A date filter knows its year: `XXXX-…` dates are kept out of every date filter anyway. */
const knownDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
  );

export const TimelineQuery = ExportQuery.extend({
  unit: z.string().min(1).optional().describe('a unit under any of its names, e.g. DPMPTSP'),
  kind: EventTypeSchema.optional(),
  predicate: PredicateSchema.optional(),
  from: knownDate.optional().describe('first date, compared at its own precision'),
  to: knownDate.optional().describe('last date, compared at its own precision'),
}).refine((q) => !(q.from && q.to && q.from.slice(0, q.to.length) > q.to.slice(0, q.from.length)), {
  path: ['to'],
  message: 'must not be before from',
});

export const RegencyFilterQuery = ExportQuery.extend({
  regency: z
    .string()
    .min(1)
    .optional()
    .describe('e.g. "Kabupaten Probolinggo"; a bare name matches both kabupaten and kota'),
});

export const SearchQueryParams = PageQuery.extend({
  q: z
    .string({ error: 'is required: the text to find' })
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(200, 'must be at most 200 characters')
    .describe('text found in unit names, officials’ names and roles, and event sentences'),
  regency: z.string().min(1).optional().describe('only hits in this regency'),
});

export const NoQuery = z.strictObject({});

export const NoParams = z.strictObject({});
export const RegencyParams = z.strictObject({
  regency: z.string().min(1).describe('e.g. "Kabupaten Probolinggo"; a bare name matches both'),
});
export const IdParams = z.strictObject({ id: z.string().min(1) });
