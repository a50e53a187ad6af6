import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether an IP address is one a crawler must never connect to: anything that is not globally
 * reachable unicast. A link on a news page (or a hostname resolving) to 10.x, 127.x, 169.254.169.254
 * or fd00:: would otherwise let any page make the crawler talk to our own network.
 *
 * Fails closed: a string that is not an IP address counts as private.
 */
export function isPrivateAddress(ip: string): boolean {
  if (isIPv4(ip)) return inAny(ipv4Bytes(ip), V4_PRIVATE);
  // A zone index ("fe80::1%eth0") only ever appears on link-local addresses, refused either way.
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return true;
  const bytes = ipv6Bytes(bare);
  // These prefixes carry an IPv4 address that the network stack or a translator will reach.
  const embedded = EMBEDS_V4.find((range) => inRange(bytes, range));
  if (embedded) {
    const at = embedded.v4At;
    return inAny(bytes.subarray(at, at + 4), V4_PRIVATE);
  }
  return !inRange(bytes, GLOBAL_UNICAST) || inAny(bytes, V6_PRIVATE);
}

interface Range {
  prefix: Uint8Array;
  bits: number;
}

function cidr(text: string): Range {
  const [address = '', bits = ''] = text.split('/');
  return { prefix: isIPv4(address) ? ipv4Bytes(address) : ipv6Bytes(address), bits: Number(bits) };
}

/** IANA's special-purpose IPv4 registry, everything in it that is not globally reachable, plus multicast. */
const V4_PRIVATE = [
  '0.0.0.0/8', // "this network", including the unspecified address
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, where cloud metadata services live
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // the retired 6to4 relay anycast
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address
].map(cidr);

/**
 * Only 2000::/3 is handed out as global unicast; outside it are the unspecified and loopback
 * addresses, IPv4-compatible forms, ULA (fc00::/7), link-local (fe80::/10), multicast (ff00::/8).
 */
const GLOBAL_UNICAST = cidr('2000::/3');

/** The parts of 2000::/3 that are still not the public internet. */
const V6_PRIVATE = [
  '2001::/23', // IETF protocol assignments, Teredo among them
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation (RFC 9637)
].map(cidr);

/** IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16), with where the IPv4 sits. */
const EMBEDS_V4 = [
  { ...cidr('::ffff:0:0/96'), v4At: 12 },
  { ...cidr('64:ff9b::/96'), v4At: 12 },
  { ...cidr('2002::/16'), v4At: 2 },
];

function inAny(bytes: Uint8Array, ranges: Range[]): boolean {
  return ranges.some((range) => inRange(bytes, range));
}

function inRange(bytes: Uint8Array, { prefix, bits }: Range): boolean {
  if (bytes.length !== prefix.length) return false;
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== prefix[i]) return false;
  const rest = bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((bytes[whole] ?? 0) & mask) === ((prefix[whole] ?? 0) & mask);
}

/** Only called once net.isIPv4 has accepted the text, so four decimal octets are guaranteed. */
function ipv4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number));
}

/** Only called once net.isIPv6 has accepted the text: expands "::" and a trailing dotted quad. */
function ipv6Bytes(ip: string): Uint8Array {
  let text = ip;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(quad[1]);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}
