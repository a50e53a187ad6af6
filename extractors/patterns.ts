/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literals, longest first so that "Kepala Dinas" wins over "Kepala".
 * Spaces match any run of whitespace.
 */
export function anyOf(literals: readonly string[]): string {
  const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
  return unique.map((s) => escapeRegExp(s).replace(/ /g, '\\s+')).join('|');
}

/** An alternation of regular-expression sources taken from a lexicon file, longest first. */
export function anyOfSources(sources: readonly string[]): string {
  return [...new Set(sources)].sort((a, b) => b.length - a.length).join('|');
}

/** Letters and digits only, for word-boundary checks that also hold for Indonesian letters. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** A whole-word version of a source: no letter or digit may touch either end. */
export function wholeWord(source: string): string {
  return `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
}
