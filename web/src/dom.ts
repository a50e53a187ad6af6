/** What `el` accepts as children: text is always set as text, never parsed as HTML. */
export type Child = Node | string | number | null | undefined | false;

/**
 * A new element with attributes and children. Every string from the store (sentences come from news
 * sites) goes in as a text node, so nothing a page says can become markup here.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      element.append(child instanceof Node ? child : String(child));
  return element;
}

/** The element with this id, which index.html is known to hold. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no element #${id}`);
  return found as T;
}

/** A table with a header row of column names; a name ending in `#` is a number column, set right. */
export function table(
  className: string,
  columns: readonly string[],
  rows: readonly Node[],
  caption?: string,
): HTMLElement {
  const header = columns.map((c) =>
    c.endsWith('#')
      ? el('th', { scope: 'col', class: 'number' }, c.slice(0, -1))
      : el('th', { scope: 'col' }, c),
  );
  return el(
    'table',
    { class: className },
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, ...header)),
    el('tbody', {}, ...rows),
  );
}
