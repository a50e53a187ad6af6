import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../pipeline/fetch/canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    // scheme, host, default port, dot segments, fragment
    ['HTTP://Example.COM:80/a/./b/../c#bagian-2', undefined, 'http://example.com/a/c'],
    ['https://example.com:443/', undefined, 'https://example.com/'],
    ['https://example.com:8443/x', undefined, 'https://example.com:8443/x'],
    ['http://example.com', undefined, 'http://example.com/'],
    // relative links against the page
    ['../../foto/1.jpg', 'https://x.go.id/berita/2025/a.html', 'https://x.go.id/foto/1.jpg'],
    ['?page=2', 'https://x.go.id/berita/?page=1#top', 'https://x.go.id/berita/?page=2'],
    ['//cdn.x.go.id/a', 'https://x.go.id/', 'https://cdn.x.go.id/a'],
    ['#komentar', 'https://x.go.id/a?id=5', 'https://x.go.id/a?id=5'],
    ['  /a\n/b  ', 'https://x.go.id/', 'https://x.go.id/a/b'],
    // tracking parameters go, the rest keeps its order and spelling
    ['https://x.id/a?utm_source=fb&id=5&fbclid=Iw&b=2', undefined, 'https://x.id/a?id=5&b=2'],
    [
      'https://x.id/a?UTM_Campaign=x&gclid=1&yclid=2&mc_cid=3&mc_eid=4&_ga=5&ref_src=tw',
      undefined,
      'https://x.id/a',
    ],
    ['https://x.id/a?utm%5Fmedium=wa&q=zona+integritas', undefined, 'https://x.id/a?q=zona+integritas'],
    ['https://x.id/a?z=1&a=2', undefined, 'https://x.id/a?z=1&a=2'],
    ['https://x.id/a?ref=beranda', undefined, 'https://x.id/a?ref=beranda'],
    ['https://x.id/a?', undefined, 'https://x.id/a'],
    ['https://x.id/a?&&id=1&', undefined, 'https://x.id/a?id=1'],
    ['https://x.id/a?q=a+b%20c', undefined, 'https://x.id/a?q=a+b%20c'],
    // percent-escapes: upper case, unreserved characters decoded
    ['https://x.id/%7euser/%2f%e2%80%99', undefined, 'https://x.id/~user/%2F%E2%80%99'],
    ['https://x.id/a?q=%3d%41', undefined, 'https://x.id/a?q=%3DA'],
    ['https://x.id/a b', undefined, 'https://x.id/a%20b'],
    ['https://x.id/a?%zz=1', undefined, 'https://x.id/a?%zz=1'],
    // hosts
    ['http://München.DE/ä', undefined, 'http://xn--mnchen-3ya.de/%C3%A4'],
    ['http://0x7f.1/', undefined, 'http://127.0.0.1/'],
    ['http://[::FFFF:127.0.0.1]:8080/', undefined, 'http://[::ffff:7f00:1]:8080/'],
  ])('%s (base %s) → %s', (href, base, expected) => {
    expect(canonicalUrl(href, base)).toBe(expected);
  });

  it.each([
    ['mailto:redaksi@x.id'],
    ['javascript:void(0)'],
    ['tel:+62211234'],
    ['data:text/html,hai'],
    ['ftp://x.id/a'],
    ['http://'],
    ['not a url'],
    [''],
  ])('%j is no crawlable URL', (href) => {
    expect(canonicalUrl(href)).toBeNull();
  });

  it('is idempotent', () => {
    const once = canonicalUrl('HTTP://X.id:80/a/../%7eb?utm_source=x&q=%3d#f');
    expect(once).toBe('http://x.id/~b?q=%3D');
    expect(canonicalUrl(once ?? '')).toBe(once);
  });
});
