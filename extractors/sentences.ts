import type { SentenceSpan } from '../models/index.js';
import lexicon from './lexicon/sentence-abbreviations.json' with { type: 'json' };

const ABBREVIATIONS = new Set(lexicon.abbreviations);

/** A closing quote or bracket may follow the full stop and still belong to the sentence. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/** Whitespace, then maybe an opening quote or bracket, then a capital or a digit. */
const NEXT_SENTENCE_START = /^[ \t\u00a0]+["“‘'([]?[\p{Lu}\p{N}]/u;

/**
 * Splits Indonesian news text into sentences with offsets. A line break always ends a sentence
 * (paragraphs, headlines, datelines). A `.`, `!` or `?` ends one when followed by whitespace and
 * an upper-case letter, digit or opening quote, unless the word before it is a known abbreviation
 * ("dr.", "Kab.", "No."), a single initial ("M. Haris") or part of a degree ("S.Sos.").
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.has(text[end] ?? '') || text[end] === '.')) end++;
    if (end < text.length && text[end] !== '\n' && !NEXT_SENTENCE_START.test(text.slice(end, end + 6)))
      continue;
    if (ch === '.' && (isAbbreviationBefore(text, i) || isListNumberBefore(text, i))) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}

/** "1. Pemerintah Kabupaten Banyumas …": the number opening a list item or table row ends nothing. */
function isListNumberBefore(text: string, dot: number): boolean {
  const lineStart = text.lastIndexOf('\n', dot - 1) + 1;
  return /^[ \t]*\d{1,3}$/.test(text.slice(lineStart, dot));
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1] ?? '')) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  // A single letter is an initial ("M. Haris", "H. Abd. Hamid").
  if (/^\p{L}$/u.test(word)) return true;
  if (ABBREVIATIONS.has(word)) return true;
  // Dotted degrees and initials ("S.Sos", "M.Si", "K.H").
  return /^(\p{L}{1,3}\.)+\p{L}{1,4}$/u.test(word);
}

/** Index of the sentence holding `offset`, by binary search over sorted spans. */
export function sentenceIndexAt(spans: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as SentenceSpan;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(lo, spans.length - 1));
}

/** Short words a Title Case headline still writes in lower case. */
const HEADLINE_LOWER = new Set([
  'di',
  'ke',
  'dari',
  'dan',
  'yang',
  'untuk',
  'pada',
  'dengan',
  'atau',
  'oleh',
  'se',
]);

/**
 * Whether a sentence is a Title Case headline ("Bupati Sragen Canangkan Zona Integritas di Tiga Unit
 * Kerja"): five words or more, every one but the short function words capitalised, and no closing full
 * stop. In a headline capitals say nothing about names.
 */
export function isHeadline(sentence: string): boolean {
  const trimmed = sentence.trim();
  // A table row ("1. | Pemerintah Kabupaten Banyumas | … | Menuju WBK") is capitalised too, but no headline.
  if (/[.!?"”]$/u.test(trimmed) || trimmed.includes(' | ')) return false;
  const words = trimmed.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && !HEADLINE_LOWER.has(w));
  return words.length >= 5 && words.every((w) => /^\p{Lu}/u.test(w));
}
