import type { AnyNode, Element } from 'domhandler';

/**
 * The article body of a parsed page: its paragraphs, headings, list items and quotes in reading order,
 * without the headline, bylines, navigation, teasers, comments and other page furniture.
 *
 * The page is cut into blocks (runs of text between block-level tags). Each block is worth its length
 * when it reads like prose and costs its length when it is mostly link text; the element whose blocks
 * are worth the most is the article container. Inside it, blocks under boilerplate-named elements,
 * in repeated teaser items or that are mostly links are dropped, and so are bylines, datelines, labels
 * such as "Advertisement" and everything before the headline.
 */
export function articleBody(root: AnyNode, headline: string | null): string[] {
  const { blocks, boxes } = segment(root);
  markTeaserItems(blocks, boxes);
  for (const block of blocks) {
    let worth = worthOf(block);
    for (let box = block.box; box; box = box.parent)
      if (box.hint === VETO || box.teaser) {
        worth = -Math.abs(worth);
        break;
      }
    for (let box = block.box; box; box = box.parent) {
      box.score += worth;
      if (worth > 0) box.prose += worth;
    }
  }
  let container: Box | undefined;
  for (const box of boxes) if (!container || box.score > container.score) container = box;
  if (!container) return [];
  // A boilerplate-named element that holds most of the container's prose is a wrapper that happens to
  // carry such a class ("content-with-sidebar", "tag-…" post classes), not boilerplate.
  const wrapper = container.prose / 2;
  const kept: Block[] = [];
  for (const block of blocks) {
    let inside = false;
    let dropped = linky(block);
    for (let box = block.box; box && !dropped; box = box.parent) {
      if (box === container) {
        inside = true;
        break;
      }
      if (box.teaser || (box.hint <= NEGATIVE && box.prose < wrapper)) dropped = true;
    }
    if (inside && !dropped) kept.push(block);
  }
  return withoutFurniture(kept, headline);
}

/** A run of text between block-level tags: a paragraph, a heading, a list item, a table cell. */
interface Block {
  text: string;
  chars: number;
  linkChars: number;
  /** The nearest block-level element holding it. */
  box: Box | null;
}

/** A block-level element, with what its name and classes say about it and what its blocks add up to. */
interface Box {
  el: Element;
  parent: Box | null;
  hint: Hint;
  /** Worth of its blocks (see worthOf), and of the positive ones alone. */
  score: number;
  prose: number;
  /** Characters and blocks inside, and whether one of those blocks is mostly a link. */
  chars: number;
  blocks: number;
  linked: boolean;
  /** An item of a teaser list or comment thread (see markTeaserItems). */
  teaser: boolean;
}

/** Named like comments, cookie banners, related-story rails: never the article. */
const VETO = -2;
/** Named like page furniture (share bars, captions, ads); dropped inside the article unless it wraps it. */
const NEGATIVE = -1;
type Hint = typeof VETO | typeof NEGATIVE | 0 | 1;

/** Elements whose text no reader sees as part of the article, or that are not shown at all. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'map',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'nav',
  'aside',
  // Captions and image credits: the benchmark's bodies and the fact extraction both do without them.
  'figure',
]);
/** Tags that flow inside a paragraph; every other tag, custom elements included, starts a new block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);
const VETO_WORDS =
  /(?:^|[\s_-])(?:comments?|komentar|disqus|cookies?|consent|gdpr|modal|popup|overlay|related|terkait|recommend(?:ed|ations)?|rekomendasi|trending|popular|populer|terpopuler|most-read|subscribe|subscription|newsletter|signup|promo|sponsor(?:ed)?|breadcrumbs?|outbrain|taboola)(?:$|[\s_-])/i;
const BOILERPLATE_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|sosmed|related|terkait|baca-?juga|bacajuga|populer|popular|terpopuler|trending|most-read|sidebar|widget|comments?|komentar|disqus|tags?|footer|iklan|ads?|advert|advertisement|banner|promo|sponsor(?:ed)?|newsletter|subscribe|signup|ticker|breaking|header|author|author-box|bio|about-author|reactions?|follow|keterangan|foto|recommend(?:ed|ations)?|rekomendasi|pagination|pager|byline|caption|credit|toolbar|modal|popup|cookie|consent)(?:$|[\s_-])/i;
const CONTENT_WORDS =
  /(?:^|[\s_-])(?:article|articlebody|story|entry|post|content|body|main|text|prose|isi|detail|berita|konten)(?:$|[\s_-])/i;
/** Elements that wrap whole pages or articles; the classes CMSs hang on them describe the page, not the box. */
const STRUCTURAL = new Set(['html', 'body', 'article', 'main']);

function segment(root: AnyNode): { blocks: Block[]; boxes: Box[] } {
  const blocks: Block[] = [];
  const boxes: Box[] = [];
  let text = '';
  let link = '';
  let box: Box | null = null;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, chars: t.length, linkChars: link.replace(/\s+/g, ' ').trim().length, box });
    text = '';
    link = '';
  };
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (node.type === 'text') {
      text += node.data;
      if (inLink) link += node.data;
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) visit(child, inLink);
      return;
    }
    if (node.type !== 'tag' || SKIPPED.has(node.name) || hidden(node)) return;
    if (INLINE.has(node.name)) {
      for (const child of node.children) visit(child, inLink || node.name === 'a');
      return;
    }
    flush();
    if (node.name === 'br' || node.name === 'hr') return;
    const parent = box;
    const self: Box = {
      el: node,
      parent,
      hint: hintOf(node),
      score: 0,
      prose: 0,
      chars: 0,
      blocks: 0,
      linked: false,
      teaser: false,
    };
    boxes.push(self);
    box = self;
    for (const child of node.children) visit(child, inLink);
    box = self;
    flush();
    box = parent;
  };
  visit(root, false);
  flush();
  return { blocks, boxes };
}

function hidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  const style = el.attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function hintOf(el: Element): Hint {
  if (el.name === 'footer' || el.name === 'header') return NEGATIVE;
  const structural = STRUCTURAL.has(el.name);
  const { class: cls, id, itemprop } = el.attribs;
  if (itemprop === 'articleBody') return 1;
  const custom = el.name.includes('-');
  if (cls === undefined && id === undefined && !custom) return structural ? 1 : 0;
  // "PromoSmall-content" and "ps-promo" name their kind too: split camelCase and read custom tag names.
  const marker = `${cls ?? ''} ${id ?? ''} ${custom ? el.name : ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
  const content = CONTENT_WORDS.test(marker);
  if (structural) return 1;
  if (!content && VETO_WORDS.test(marker)) return VETO;
  if (BOILERPLATE_WORDS.test(marker)) return NEGATIVE;
  return content ? 1 : 0;
}

/** Shorter than this, a block is a label or a heading: it neither makes nor breaks a container. */
const SHORT_BLOCK = 40;

function worthOf(block: Block): number {
  if (linky(block)) return -block.chars;
  if (block.chars < SHORT_BLOCK) return 0;
  return block.chars - block.linkChars;
}

function linky(block: Block): boolean {
  return block.linkChars * 2 > block.chars;
}

/** Tags that hold teaser cards and comments; paragraphs, headings and table rows repeat in articles too. */
const ITEM_TAGS = new Set(['div', 'li', 'article', 'section', 'ul', 'ol', 'dl']);
/** More text than this in one item, and it is a section of the article rather than a teaser. */
const ITEM_CHARS = 600;

/**
 * Teaser lists and comment threads: at least three sibling elements with the same tag and class where
 * most are small, hold a link and more than one block (a headline and a blurb, a name and a comment).
 */
function markTeaserItems(blocks: Block[], boxes: Box[]): void {
  for (const block of blocks) {
    const link = linky(block);
    for (let box = block.box; box; box = box.parent) {
      box.chars += block.chars;
      box.blocks += 1;
      if (link) box.linked = true;
    }
  }
  const siblings = new Map<Box, Map<string, Box[]>>();
  for (const box of boxes) {
    if (!box.parent || box.blocks === 0 || !ITEM_TAGS.has(box.el.name)) continue;
    const kinds = siblings.get(box.parent) ?? new Map<string, Box[]>();
    siblings.set(box.parent, kinds);
    const kind = `${box.el.name} ${box.el.attribs.class ?? ''}`;
    const group = kinds.get(kind);
    if (group) group.push(box);
    else kinds.set(kind, [box]);
  }
  for (const kinds of siblings.values())
    for (const group of kinds.values()) {
      if (group.length < 3) continue;
      const half = group.length / 2;
      const small = group.filter((box) => box.chars <= ITEM_CHARS);
      const linked = group.filter((box) => box.linked);
      const several = group.filter((box) => box.blocks >= 2);
      if (small.length < half || linked.length < half || several.length < half) continue;
      for (const box of small) box.teaser = true;
    }
}

/** Furniture lines are short; past this length a line is prose whatever it starts with. */
const FURNITURE_CHARS = 100;
const READ_ALSO = /^\s*(?:baca\s+(?:juga|pula)|simak\s+juga|lihat\s+juga|berita\s+terkait)\b/i;
const LABEL =
  /^\W*(?:advertisement|advertising|advert|ads?|sponsored(?: content| links)?|iklan|anzeige|publicidade|publicidad|pubblicità|caption|close|back to gallery|read more|more|related(?: articles| stories| news| tags)?|topics|tags|comments?|\d+ comments?|post comment|share(?: this)?(?: article| story)?|subscribe|loading|you may also like|baca juga|berita terkait)\W*$/i;
/** "Redaksi | Kategori: Pemerintahan | Dilihat: 512 kali", "Home | News | Daerah". */
const MENU_LINE = /^[^.!?]*\|[^.!?]*\|[^.!?]*$/;
/** A caption ends with the picture's credit: "(Foto: Humas Rutan Sungguminasa)", "(Image: GETTY)". */
const PHOTO_CREDIT = /\((?:foto|photo|image|picture|pic|gambar|dok|ilustrasi)\b[^()]*\)\W*$/i;
const BYLINE = /^(?:by|oleh|penulis|reporter|editor|posted by|written by)\b/i;
const MONTH =
  /\b(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun[ei]?|jul[yi]?|aug(?:ust)?|agu(?:stus)?|sept?(?:ember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cs](?:ember)?)\b/i;
const YEAR = /\b(?:19|20)\d{2}\b/;
const CLOCK = /\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|wib|wita|wit)\b/i;
const NUMERIC_DATE = /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2})\b/;

/**
 * The kept blocks' texts without the headline (and whatever precedes it, when less than what follows),
 * bylines, datelines, labels and "Baca juga" lines.
 */
function withoutFurniture(blocks: Block[], headline: string | null): string[] {
  const key = headline ? comparable(headline) : '';
  const lines: string[] = [];
  let start = -1;
  for (const { text, chars } of blocks) {
    if (key && chars < 3 * FURNITURE_CHARS && comparable(text) === key) {
      if (start < 0) start = lines.length;
      continue;
    }
    if (READ_ALSO.test(text)) continue;
    if (
      chars < FURNITURE_CHARS &&
      (LABEL.test(text) || BYLINE.test(text) || dateline(text) || MENU_LINE.test(text))
    )
      continue;
    if (chars < 3 * FURNITURE_CHARS && PHOTO_CREDIT.test(text)) continue;
    lines.push(text);
  }
  if (start > 0) {
    const before = lines.slice(0, start).reduce((n, line) => n + line.length, 0);
    const after = lines.slice(start).reduce((n, line) => n + line.length, 0);
    if (before < after) return lines.slice(start);
  }
  return lines;
}

/** Text reduced to its letters and digits, lower-cased: a headline matches its copies whatever their punctuation. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A line that only dates the article ("Updated 1:39 am EST, Wednesday, November 20, 2019"). An embedded
 * tweet's signature line ("— Name (@handle) November 18, 2019") is content.
 */
function dateline(text: string): boolean {
  if (text.includes('@') || /[.!?]$/.test(text)) return false;
  const year = YEAR.test(text);
  const clock = CLOCK.test(text);
  return NUMERIC_DATE.test(text) || (clock && year) || (MONTH.test(text) && (year || clock));
}
