import { escapeRegExp } from '../../extractors/patterns.js';

/**
 * Puts a page's ruled tables back into its text as one line per row, cells separated by " | " (a
 * character no name contains, so that names found by the extractors stop at the cell's edge). pdf.js
 * gives a table's cells in reading order but wraps long cells over several lines ("Dinas Penanaman Modal
 * dan Pelayanan / Terpadu Satu Pintu / Menuju WBK"), so a row of an award list no longer reads as one
 * statement. Each table's span is found by its cells in order; a table not found whole leaves the text as
 * it was.
 */
export const CELL_SEPARATOR = ' | ';

export function inlineTables(pageText: string, tables: readonly (readonly (readonly string[])[])[]): string {
  let text = pageText;
  let cursor = 0;
  for (const rows of tables) {
    const cells = rows.flat().filter((c) => c.trim() !== '');
    const span = findInOrder(text, cells, cursor);
    if (span === null) continue;
    const rendered = rows
      .map((row) => row.map((c) => c.replace(/\s+/g, ' ').trim()).join(CELL_SEPARATOR))
      .join('\n');
    text = text.slice(0, span.start) + rendered + text.slice(span.end);
    cursor = span.start + rendered.length;
  }
  return text;
}

function findInOrder(
  text: string,
  cells: readonly string[],
  from: number,
): { start: number; end: number } | null {
  let start = -1;
  let at = from;
  for (const cell of cells) {
    const source = escapeRegExp(cell.trim()).replace(/\s+/g, '\\s+');
    // Whole words only: the header cell "No" must not be found inside "Nomor".
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'gu');
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found === null) return null;
    if (start < 0) start = found.index;
    at = found.index + found[0].length;
  }
  return start < 0 ? null : { start, end: at };
}
