/**
 * Extraction throughput on the fixture corpus, on one core: documents per second from text to mentions
 * (rules and refiners) and to document facts (plus assembly), against one tokenising pass over the same
 * texts as the floor any text reader pays.
 */
import { extract, extractMentions } from '../extractors/index.js';
import type { ExtractContext } from '../extractors/types.js';
import { processFile } from '../pipeline/process-document.js';
import { listInputs } from '../pipeline/read-inputs.js';
import { formatRate, rateOf } from './measure.js';

const TARGET_DOCS_PER_SECOND = 1000;

interface Text {
  text: string;
  ctx: ExtractContext;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The reference pass: every word of the text found once, as any tokenizer must. */
function tokenise(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) words++;
  return words;
}

export async function benchExtraction(corpusDir: string): Promise<void> {
  const texts: Text[] = [];
  for (const path of listInputs([corpusDir])) {
    const { document } = await processFile(path);
    texts.push({ text: document.text, ctx: { published: document.published, url: document.url } });
  }
  const chars = texts.reduce((sum, t) => sum + t.text.length, 0);
  const words = texts.reduce((sum, t) => sum + tokenise(t.text), 0);
  console.log(
    `extraction: ${texts.length} fixture documents, ${Math.round(chars / texts.length)} characters and ${Math.round(words / texts.length)} words on average, one core`,
  );

  const tokens = rateOf(texts, (t) => tokenise(t.text));
  const mentions = rateOf(texts, (t) => extractMentions(t.text, t.ctx));
  const facts = rateOf(texts, (t) => extract(t.text, t.ctx));

  console.log(`  tokenising pass            ${formatRate(tokens, 'docs')}`);
  console.log(
    `  text → mentions            ${formatRate(mentions, 'docs')}  ${(tokens.perSecond / mentions.perSecond).toFixed(1)}× the tokenising pass's time`,
  );
  console.log(
    `  text → mentions → facts    ${formatRate(facts, 'docs')}  ${(tokens.perSecond / facts.perSecond).toFixed(1)}× the tokenising pass's time`,
  );
  const verdict = mentions.perSecond >= TARGET_DOCS_PER_SECOND ? 'met' : 'NOT met';
  console.log(`  target ≥ ${TARGET_DOCS_PER_SECOND} docs/s (text → mentions): ${verdict}`);
}
