import mod from 'robots-parser';
import { canonicalUrl } from './canonical-url.js';

// The package's types say `export default`, but it is `module.exports = fn`; under NodeNext the
// default import is that function at run time and a namespace to tsc.
const robotsParser = mod as unknown as typeof mod.default;

/**
 * What one host's robots.txt lets the crawler do. `ua` is the crawler's product token
 * ("zi-timeline"), matched without case and without any "/version" suffix, as RFC 9309 §2.2.1 has it.
 */
export interface RobotsPolicy {
  /** How the policy came about: the parsed file, or the RFC 9309 rule for a missing or failing one. */
  basis: 'parsed' | 'allow-all' | 'disallow-all';
  isAllowed(url: string, ua: string): boolean;
  crawlDelaySeconds(ua: string): number | null;
  /** Sitemap URLs the file lists, canonical. */
  sitemaps: string[];
}

/** RFC 9309 §2.5: parsers must take at least 500 KiB; past that a file is no longer a policy but a mistake. */
const MAX_ROBOTS_CHARS = 500 * 1024;

/** The robots.txt that governs a URL: one per scheme, host and port. */
export function robotsUrlOf(url: string): string {
  const canonical = canonicalUrl(url);
  if (!canonical) throw new TypeError(`${url}: not an http(s) URL, so no robots.txt applies`);
  return new URL('/robots.txt', canonical).href;
}

export function parseRobots(robotsUrl: string, text: string): RobotsPolicy {
  // A byte-order mark would glue itself to the first "User-agent" and lose that whole group.
  const robots = robotsParser(robotsUrl, text.replace(/^\uFEFF/, '').slice(0, MAX_ROBOTS_CHARS));
  const sitemaps = robots
    .getSitemaps()
    .map((s) => canonicalUrl(s, robotsUrl))
    .filter((s): s is string => s !== null);
  return {
    basis: 'parsed',
    isAllowed(url, ua) {
      if (isRobotsFile(robotsUrl, url)) return true;
      const allowed = robots.isAllowed(url, ua);
      // robots-parser answers undefined for a URL of another origin: that is a caller's mistake.
      if (allowed === undefined) throw new Error(`${url}: not governed by ${robotsUrl}`);
      return allowed;
    },
    crawlDelaySeconds(ua) {
      const delay = robots.getCrawlDelay(ua);
      return delay !== undefined && Number.isFinite(delay) && delay >= 0 ? delay : null;
    },
    sitemaps,
  };
}

/**
 * The policy for how fetching robots.txt went, per RFC 9309 §2.3.1: a 2xx is parsed; an unavailable
 * file (4xx, or redirects that never ended) allows everything; an unreachable one (5xx, or `status`
 * null when no response came at all) disallows everything until the next try. 429 counts as
 * unreachable, not unavailable: a host that is rate-limiting us is no host to crawl freely.
 */
export function robotsPolicyFor(robotsUrl: string, status: number | null, text = ''): RobotsPolicy {
  if (status !== null && status >= 200 && status < 300) return parseRobots(robotsUrl, text);
  const allowed = status !== null && status !== 429 && status >= 300 && status < 500;
  return {
    basis: allowed ? 'allow-all' : 'disallow-all',
    isAllowed(url) {
      if (!sameOrigin(robotsUrl, url)) throw new Error(`${url}: not governed by ${robotsUrl}`);
      return allowed || isRobotsFile(robotsUrl, url);
    },
    crawlDelaySeconds: () => null,
    sitemaps: [],
  };
}

function sameOrigin(robotsUrl: string, url: string): boolean {
  const canonical = canonicalUrl(url);
  return canonical !== null && new URL(canonical).origin === new URL(robotsUrl).origin;
}

/** RFC 9309 §2.2.2: /robots.txt itself is always allowed, whatever the rules say. */
function isRobotsFile(robotsUrl: string, url: string): boolean {
  return canonicalUrl(url) === canonicalUrl(robotsUrl);
}
