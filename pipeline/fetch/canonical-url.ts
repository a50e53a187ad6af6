/**
 * Query parameters that say where a reader came from, never which page it is. Left in, one article
 * shared on Facebook, WhatsApp and a newsletter is three URLs to crawl and three documents to merge.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'yclid',
  'msclkid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
]);

const TRACKING_PREFIXES = ['utm_'];

/**
 * The one spelling of a link that the crawl's dedup keys on, or null for anything that is not an
 * http(s) URL (mailto:, javascript:, tel:, data:, unparseable). WHATWG URL already lowercases the
 * scheme and host, drops default ports and resolves dot segments; on top of that the fragment and
 * tracking parameters go, and percent-escapes get one spelling (RFC 3986 §6.2.2).
 */
export function canonicalUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Each setter re-serialises the whole URL and most links need none, so a part is set only when it
  // changes (half the cost of a listing page's links). An empty fragment or query ("a#", "a?") reads
  // as '' but still shows in href.
  if (url.href.includes('#')) url.hash = '';
  if (url.pathname.includes('%')) url.pathname = normaliseEscapes(url.pathname);
  if (url.search) {
    // The raw query, not searchParams: re-serialising as form data would turn %20 into + and escape
    // "/" and "~", and some servers route on those bytes.
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTracking(pair))
      .map(normaliseEscapes)
      .join('&');
    // An empty search drops the "?" too.
    if (`?${kept}` !== url.search) url.search = kept;
  } else if (url.href.includes('?')) url.search = '';
  return url.href;
}

function isTracking(pair: string): boolean {
  const rawName = pair.split('=', 1)[0] ?? '';
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    // A malformed escape is not one of the names we look for, so the pair stays.
    return false;
  }
  return TRACKING_PARAMS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** %7e and %7E and ~ are the same URL: unreserved characters decoded, other escapes in upper case. */
function normaliseEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
