import iconv from 'iconv-lite';

/**
 * Turns the bytes of a web page or text file into a string. Order of trust: a byte-order mark; then
 * the bytes themselves when they are valid UTF-8 with non-ASCII characters (a legacy page almost never
 * is, whatever it declares); then the charset the page or server declares; then windows-1252, which
 * browsers use for undeclared pages and which covers the smart quotes of Indonesian word processors.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  if (isValidUtf8(bytes)) return decodeAs(bytes, 'utf-8');
  const label = normaliseLabel(declared ?? sniffDeclaredCharset(bytes));
  if (label && label !== 'utf-8') {
    try {
      return decodeAs(bytes, label);
    } catch {
      // An unknown label falls through to the browsers' default.
    }
  }
  return decodeAs(bytes, 'windows-1252');
}

/**
 * iconv-lite, not TextDecoder: Node 20's TextDecoder reads "windows-1252" as Latin-1 and turns the
 * smart quotes at 0x93/0x94 into control characters.
 */
function decodeAs(bytes: Uint8Array, encoding: string): { text: string; encoding: string } {
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown charset ${encoding}`);
  return {
    text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding),
    encoding,
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Latin-1 as declared by pages means windows-1252 in every browser (the WHATWG Encoding Standard). */
function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (['iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'cp1252'].includes(l)) return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  return l;
}

/** The charset a page declares in its first kilobytes: `<meta charset>` or `http-equiv` content type. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

/** Mostly control bytes or any NUL: not text, whatever the file is called. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
