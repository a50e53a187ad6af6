/**
 * Indonesian stems for cue words ("dievaluasi", "mengevaluasinya" → "evaluasi") from natural's
 * Nazief–Adriani stemmer. Only words that already look like a cue are stemmed, never every token:
 * the stemmer is slow (tens of microseconds a word) and mangles names ("Bekasi" → "bekas").
 */
import stemmer from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';

const cache = new Map<string, string>();
/** Cue candidates come from a small closed vocabulary; the cap only guards against hostile input. */
const CACHE_LIMIT = 20_000;

export function stemOf(word: string): string {
  const lower = word.toLowerCase();
  const known = cache.get(lower);
  if (known !== undefined) return known;
  const stem = stemmer.stem(lower);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, stem);
  return stem;
}
