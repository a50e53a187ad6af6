import { z } from 'zod';
import { EventSourceSchema } from '../../models/index.js';
import { IdParams, NoQuery } from '../params.js';
import { itemRoute } from '../route.js';
import { knownEvent } from './events.js';

/** About a short paragraph on each side: enough to read the sentence in its place. */
const CONTEXT_CHARS = 320;

const PassageSchema = EventSourceSchema.extend({
  before: z.string().describe('the text just before the sentence, cut at a word'),
  after: z.string().describe('the text just after the sentence, cut at a word'),
  moreBefore: z.boolean().describe('whether the document goes on before `before`'),
  moreAfter: z.boolean().describe('whether the document goes on after `after`'),
});

const EventPassagesSchema = z.object({
  id: z.string(),
  passages: z.array(PassageSchema),
});
export type EventPassages = z.infer<typeof EventPassagesSchema>;

interface Context {
  before: string;
  after: string;
  moreBefore: boolean;
  moreAfter: boolean;
}

/** Up to `CONTEXT_CHARS` of `text` on each side of a sentence, without a word cut in half at the far end. */
export function contextAround(text: string, start: number, end: number): Context {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space === -1 || space >= start ? start : space + 1;
  }
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  return {
    before: text.slice(from, start),
    after: text.slice(end, to),
    moreBefore: from > 0,
    moreAfter: to < text.length,
  };
}

export const passagesRoute = itemRoute({
  path: '/api/events/:id/passages',
  operationId: 'eventPassages',
  summary: 'each source of an event with the text around its sentence, to read the sentence in its place',
  params: IdParams,
  query: NoQuery,
  notFound: true,
  response: { id: 'EventPassages', schema: EventPassagesSchema },
  async get(store, { params }) {
    const event = await knownEvent(store, params.id);
    const texts = new Map(
      (await store.textsOf([...new Set(event.sources.map((s) => s.documentId))])).map((t) => [t.id, t.text]),
    );
    const passages = event.sources.map((source) => {
      const text = texts.get(source.documentId);
      // A sentence whose document text no longer holds it where it was (the document was read again
      // since) is shown alone rather than beside the wrong words.
      if (text === undefined || text.slice(source.start, source.end) !== source.sentence)
        return { ...source, before: '', after: '', moreBefore: false, moreAfter: false };
      return { ...source, ...contextAround(text, source.start, source.end) };
    });
    return { id: event.id, passages };
  },
});
