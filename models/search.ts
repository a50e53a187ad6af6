import { z } from 'zod';

/**
 * One match of a text search: a unit by any of its names, an official by a name or a role, or a
 * sentence a source gives for an event. Each names what to open next (the unit, the event).
 */
export const SearchHitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), id: z.string(), regency: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('official'),
    id: z.string(),
    regency: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('sentence'),
    eventId: z.string(),
    regency: z.string(),
    documentId: z.string(),
    sentence: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
]);
export type SearchHit = z.infer<typeof SearchHitSchema>;
