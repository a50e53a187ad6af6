/** Share of a page's longest line from which a line counts as running to the right margin. */
const FULL_LINE = 0.55;
const ENDS_SENTENCE = /[.!?:;]["”’)]?$/u;
const STARTS_ITEM = /^(?:\d{1,3}[.)]|[a-z][.)]|[-•▪●*])\s/u;

/**
 * Joins the lines a PDF wraps at its margin back into paragraphs, so that a sentence is one sentence
 * ("… sebagaimana tersebut di / atas ditetapkan di Jakarta …"). A line is joined to the next where it runs
 * to the margin and ends no sentence, and the next is no list item or table row. Headings, table rows
 * (cells separated by " | ") and short lines keep their line breaks; a hyphen at the margin is a word
 * broken in two.
 */
export function reflowPage(page: string): string {
  const lines = page.split('\n');
  const longest = Math.max(0, ...lines.map((l) => l.trim().length));
  let out = '';
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    out += line;
    const next = lines[i + 1]?.trim();
    if (next === undefined) break;
    const joins =
      line.length >= longest * FULL_LINE &&
      !ENDS_SENTENCE.test(line) &&
      !line.includes(' | ') &&
      !next.includes(' | ') &&
      next !== '' &&
      // A heading in capitals stays apart from the paragraph after it.
      !(isCapitals(line) && !isCapitals(next)) &&
      !STARTS_ITEM.test(next);
    if (!joins) out += '\n';
    else if (/\p{L}-$/u.test(line)) out = out.slice(0, -1);
    else out += ' ';
  }
  return out;
}

function isCapitals(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toUpperCase();
}
