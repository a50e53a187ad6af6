/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literals that prefers the longest, so that "Kepala Dinas" wins over "Kepala"; spaces
 * match any run of whitespace. Written as a trie ("Kepala(?:\s+Dinas)?"): V8 tries an alternation's
 * branches one after another at every position, and a gazetteer of a thousand place names was the
 * dearest pattern of all; a trie tries one branch per character. The greedy optional groups take the
 * longest literal first and give back one at a time, as the longest-first list does.
 *
 * That holds where two literals can match at one position only if one is a prefix of the other. Under
 * a case-blind flag "Kota" and "KOTA" both match there on different branches, so a set holding such
 * spellings is written as the plain longest-first list unless `caseSensitive` says the pattern is not
 * case-blind; so is a set with whitespace other than spaces (a no-break space also matches `\s+`).
 */
export function anyOf(literals: readonly string[], { caseSensitive = false } = {}): string {
  const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
  if (unique.some((s) => /[^\S ]/.test(s))) return longestFirst(unique);
  const root = trieOf(unique);
  if (!caseSensitive && hasCaseTwins(root)) return longestFirst(unique);
  return alternation(root);
}

function longestFirst(literals: readonly string[]): string {
  return literals.map((s) => escapeRegExp(s).replace(/ /g, '\\s+')).join('|');
}

interface TrieNode {
  /** Branches by their next token: one character, escaped, or `\s+` for a space. */
  next: Map<string, TrieNode>;
  /** A literal ends here. */
  end: boolean;
  /** Tokens in the longest literal below, which decides the order branches are tried in. */
  depth: number;
}

function trieOf(literals: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), end: false, depth: 0 };
  for (const literal of literals) {
    let node = root;
    const tokens = [...literal].map((ch) => (ch === ' ' ? '\\s+' : escapeRegExp(ch)));
    tokens.forEach((token, k) => {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), end: false, depth: 0 };
        node.next.set(token, child);
      }
      node.depth = Math.max(node.depth, tokens.length - k);
      node = child;
    });
    node.end = true;
  }
  return root;
}

function hasCaseTwins(node: TrieNode): boolean {
  const folded = new Set<string>();
  for (const [token, child] of node.next) {
    const key = token.toLowerCase();
    if (folded.has(key) || hasCaseTwins(child)) return true;
    folded.add(key);
  }
  return false;
}

function alternation(node: TrieNode): string {
  // Longest first, the same order as the list; the sort is stable for literals of equal length.
  const branches = [...node.next]
    .sort((a, b) => b[1].depth - a[1].depth)
    .map(([token, child]) => token + alternation(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
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

/** Leading lookbehinds that only ask "no letter (or digit) just before", and the test that replaces each. */
const LEADING_BOUNDARIES: readonly (readonly [string, RegExp])[] = [
  ['(?<![\\p{L}\\p{N}])', /[\p{L}\p{N}]/u],
  ['(?<![\\p{L}])', /\p{L}/u],
];

interface Scanner {
  pattern: RegExp;
  /** Where set, a match right after such a character is no match. */
  notAfter: RegExp | null;
}

const scanners = new WeakMap<RegExp, Scanner>();

/** Whether a source has a `|` outside every group and class: then a leading lookbehind binds to one branch. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * V8 evaluates a leading lookbehind such as `(?<![\p{L}])` at every position of the text, which makes it
 * the dearest part of most rules. The scanner drops it from the pattern and tests the one character before
 * each candidate instead, resuming one position later on a miss: the same matches, about three times faster.
 */
function scannerOf(re: RegExp): Scanner {
  const known = scanners.get(re);
  if (known) return known;
  let scanner: Scanner = { pattern: re, notAfter: null };
  for (const [prefix, notAfter] of LEADING_BOUNDARIES) {
    const rest = re.source.slice(prefix.length);
    if (re.source.startsWith(prefix) && !hasTopLevelAlternation(rest)) {
      scanner = { pattern: new RegExp(rest, re.flags), notAfter };
      break;
    }
  }
  scanners.set(re, scanner);
  return scanner;
}

/** Every match of a global pattern in a text, as `matchAll` gives them, without empty matches. */
export function* scan(re: RegExp, text: string): Generator<RegExpExecArray> {
  const { pattern, notAfter } = scannerOf(re);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (notAfter !== null && m.index > 0 && notAfter.test(text[m.index - 1] as string)) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}
