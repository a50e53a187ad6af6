import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  brotliDecompressSync,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  constants as zlibConstants,
} from 'node:zlib';
import { Agent, type Dispatcher, request } from 'undici';
import {
  type AddressPolicy,
  AddressRefusedError,
  guardedLookup,
  refuseLiteralHost,
} from './address-guard.js';
import { canonicalUrl } from './canonical-url.js';
import { isPrivateAddress } from './private-address.js';

export interface FetchOptions {
  /** Identifies the crawler to site owners (name, version, contact URL); required. */
  userAgent: string;
  /** From the previous fetch of this URL, for a conditional GET. */
  validators?: { etag?: string | null; lastModified?: string | null };
  /** Cap on the decompressed body, and on the body bytes on the wire; default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** The whole fetch, every redirect and body included; default 30 s. */
  timeoutMs?: number;
  /** Longest wait for the response head or for the next body bytes; default 10 s. */
  idleTimeoutMs?: number;
  /**
   * Which IP addresses may be connected to; default: only globally reachable unicast. Pass the same
   * function on every call to share its pooled connections (one agent per function).
   */
  allowAddress?: AddressPolicy;
  /** Cancels the fetch; it then rejects with the signal's reason, not a FetchError. */
  signal?: AbortSignal;
}

export type FetchResult =
  | {
      kind: 'fetched';
      /** The canonical URL that answered, after redirects. */
      url: string;
      /** Every URL that answered with a redirect, in order, starting with the one asked for. */
      redirects: string[];
      status: number;
      /** With Content-Encoding undone; the charset is left to the parser. */
      body: Uint8Array;
      /** The media type alone, lowercased ("text/html"). */
      contentType: string | null;
      /** The charset parameter of Content-Type, lowercased, as the server declared it. */
      charset: string | null;
      etag: string | null;
      lastModified: string | null;
      /** Of `body`, hex. */
      sha256: string;
      /** Body bytes received on the wire, over every hop. */
      transferredBytes: number;
    }
  | { kind: 'not-modified'; url: string; redirects: string[]; transferredBytes: number };

export type FetchFailure =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'blocked-address'
  | 'http-status'
  | 'retry-later'
  | 'network'
  | 'bad-content-encoding'
  | 'bad-url';

export class FetchError extends Error {
  override name = 'FetchError';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(
    /** The URL the fetch was asked for, as given; the message names the hop when it differs. */
    readonly url: string,
    readonly reason: FetchFailure,
    message: string,
    details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`${url}: ${message}`, { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

const MIB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 10 * MIB;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** Redirect and error bodies are read this far, so a short one leaves the connection reusable. */
const DISCARD_LIMIT = 64 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const publicOnly: AddressPolicy = (ip) => !isPrivateAddress(ip);

// Keyed by the policy because the policy lives in each connection's lookup.
const agents = new WeakMap<AddressPolicy, Agent>();

function agentFor(allow: AddressPolicy): Agent {
  let agent = agents.get(allow);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allow) } });
    agents.set(allow, agent);
  }
  return agent;
}

/**
 * GETs a URL for the crawler: redirects followed by hand so every hop is canonicalised and its
 * address checked, the body decompressed here so its decompressed size can be capped, and every way
 * a server can misbehave turned into a FetchError with a reason the queue can act on (retry later,
 * give up, skip).
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  return new Transfer(url, options).run();
}

type ResponseBody = Dispatcher.ResponseData['body'];

/** One call of fetchUrl: its limits, signals and the hop being fetched, so errors can name both. */
class Transfer {
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly allow: AddressPolicy;
  private hop: string;
  /**
   * One controller for every hop, aborted by the deadline, the idle timer or the caller. Not
   * AbortSignal.any: on Node 20 it keeps every composite alive as long as a long-lived input signal
   * (a worker's shutdown signal), a leak over a crawl's hundred thousand fetches.
   */
  private readonly controller = new AbortController();
  private stopped: 'deadline' | 'idle' | 'caller' | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly redirects: string[] = [];
  private transferred = 0;

  constructor(
    private readonly url: string,
    private readonly options: FetchOptions,
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.allow = options.allowAddress ?? publicOnly;
    this.hop = url;
  }

  async run(): Promise<FetchResult> {
    const start = canonicalUrl(this.url);
    if (!start) throw this.fail('bad-url', 'not an http(s) URL');
    if (!this.options.userAgent.trim()) throw new TypeError(`${this.url}: fetchUrl needs a userAgent`);
    this.hop = start;
    const caller = this.options.signal;
    const onCallerAbort = () => this.stop('caller');
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    if (caller?.aborted) this.stop('caller');
    const deadline = setTimeout(() => this.stop('deadline'), this.timeoutMs);
    this.idleTimer = setTimeout(() => this.stop('idle'), this.idleTimeoutMs);
    try {
      for (;;) {
        const outcome = await this.fetchHop();
        if (outcome) return outcome;
      }
    } catch (err) {
      throw this.classify(err);
    } finally {
      clearTimeout(deadline);
      clearTimeout(this.idleTimer);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }

  private stop(why: 'deadline' | 'idle' | 'caller'): void {
    if (this.stopped) return;
    this.stopped = why;
    this.controller.abort();
  }

  /** Progress: the idle timeout counts from the last of these. */
  private touch(): void {
    this.idleTimer?.refresh();
  }

  /** One request; null when it redirected and `hop` now holds the next URL. */
  private async fetchHop(): Promise<FetchResult | null> {
    refuseLiteralHost(this.hop, this.allow);
    this.touch();
    const res = await request(this.hop, {
      dispatcher: agentFor(this.allow),
      method: 'GET',
      headers: this.requestHeaders(),
      signal: this.controller.signal,
    });
    this.touch();
    return this.answer(res);
  }

  private async answer(res: Dispatcher.ResponseData): Promise<FetchResult | null> {
    const status = res.statusCode;
    if (status >= 200 && status < 300) return this.fetched(res);
    this.transferred += await discard(res.body);
    const conditional = Boolean(this.options.validators?.etag || this.options.validators?.lastModified);
    if (status === 304 && conditional)
      return {
        kind: 'not-modified',
        url: this.hop,
        redirects: this.redirects,
        transferredBytes: this.transferred,
      };
    if (REDIRECT_STATUSES.has(status)) {
      this.follow(status, headerOf(res.headers, 'location'));
      return null;
    }
    if (status === 429 || status === 503)
      throw this.fail('retry-later', `HTTP ${status}`, {
        status,
        retryAfterMs: retryAfterMs(headerOf(res.headers, 'retry-after')),
      });
    throw this.fail('http-status', `HTTP ${status}`, { status });
  }

  private follow(status: number, location: string | null): void {
    if (!location) throw this.fail('http-status', `HTTP ${status} without a Location`, { status });
    const next = canonicalUrl(location, this.hop);
    if (!next) throw this.fail('bad-url', `HTTP ${status} to "${location}", not an http(s) URL`, { status });
    this.redirects.push(this.hop);
    const max = this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    if (this.redirects.length > max)
      throw this.fail('too-many-redirects', `more than ${max} redirects, the last to ${next}`, { status });
    this.hop = next;
  }

  private requestHeaders(): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    const { etag, lastModified } = this.options.validators ?? {};
    if (etag) headers['if-none-match'] = etag;
    if (lastModified) headers['if-modified-since'] = lastModified;
    return headers;
  }

  private async fetched(res: Dispatcher.ResponseData): Promise<FetchResult> {
    const body = await this.readBody(res);
    const { type, charset } = parseContentType(headerOf(res.headers, 'content-type'));
    return {
      kind: 'fetched',
      url: this.hop,
      redirects: this.redirects,
      status: res.statusCode,
      body,
      contentType: type,
      charset,
      etag: headerOf(res.headers, 'etag'),
      lastModified: headerOf(res.headers, 'last-modified'),
      sha256: createHash('sha256').update(body).digest('hex'),
      transferredBytes: this.transferred,
    };
  }

  /**
   * The wire bytes are read to the cap as they arrive (an endless run of empty deflate blocks stops on
   * that count), then decompressed in one call whose output is capped too, so a gzip bomb stops at the
   * cap after a few MiB of work. One synchronous call per coding costs a tenth of a zlib stream on a
   * news page, and the body has to be whole before anything reads it anyway.
   */
  private async readBody(res: Dispatcher.ResponseData): Promise<Buffer> {
    try {
      const codings = this.contentCodings(res.headers);
      const declared = Number(headerOf(res.headers, 'content-length') ?? Number.NaN);
      if (declared > this.maxBytes)
        throw this.fail('too-large', `Content-Length ${declared} is over the cap of ${this.maxBytes} bytes`);
      const wire = res.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      // Redirect bodies before this one count as transferred, not against this body's cap.
      const wireLimit = this.transferred + this.maxBytes;
      const chunks: Buffer[] = [];
      for (
        let chunk = await this.nextWireChunk(wire, wireLimit);
        chunk;
        chunk = await this.nextWireChunk(wire, wireLimit)
      )
        chunks.push(chunk);
      let body: Buffer = Buffer.concat(chunks);
      // Content-Encoding lists codings in the order applied, so they come off last first.
      for (const coding of [...codings].reverse()) body = this.decode(coding, body, codings);
      return body;
    } finally {
      release(res.body);
    }
  }

  private async nextWireChunk(wire: AsyncIterator<Buffer>, limit: number): Promise<Buffer | null> {
    let step: IteratorResult<Buffer>;
    try {
      step = await wire.next();
    } catch (err) {
      throw this.classify(err);
    }
    if (step.done) return null;
    this.touch();
    this.transferred += step.value.length;
    if (this.transferred > limit) throw this.fail('too-large', `over ${this.maxBytes} bytes on the wire`);
    return step.value;
  }

  private decode(coding: string, bytes: Buffer, codings: string[]): Buffer {
    if (bytes.length === 0) return bytes;
    try {
      return decompress(coding, bytes, this.maxBytes);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        throw this.fail('too-large', `body over ${this.maxBytes} bytes once decompressed`);
      throw this.fail('bad-content-encoding', `cannot undo Content-Encoding ${codings.join(', ')}`, {
        cause: err,
      });
    }
  }

  private contentCodings(headers: IncomingHttpHeaders): string[] {
    const codings = (headerOf(headers, 'content-encoding') ?? '')
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter((c) => c !== '' && c !== 'identity');
    const unknown = codings.find((c) => !KNOWN_CODINGS.has(c));
    if (unknown) throw this.fail('bad-content-encoding', `unsupported Content-Encoding "${unknown}"`);
    return codings;
  }

  private fail(
    reason: FetchFailure,
    message: string,
    details?: { status?: number; retryAfterMs?: number; cause?: unknown },
  ): FetchError {
    const where = this.hop === this.url || this.hop === canonicalUrl(this.url) ? '' : ` (at ${this.hop})`;
    return new FetchError(this.url, reason, `${message}${where}`, details);
  }

  /** Any failure as the FetchError the queue acts on, except a caller's cancel, which stays as it came. */
  private classify(err: unknown): unknown {
    if (err instanceof FetchError) return err;
    if (this.stopped === 'caller') return this.options.signal?.reason;
    if (this.stopped === 'deadline') return this.fail('timeout', `not done within ${this.timeoutMs} ms`);
    if (this.stopped === 'idle') return this.fail('timeout', `nothing received for ${this.idleTimeoutMs} ms`);
    if (err instanceof AddressRefusedError) return this.fail('blocked-address', err.message);
    const code = (err as { code?: unknown } | null)?.code;
    const text = err instanceof Error ? err.message : String(err);
    if (typeof code === 'string' && TIMEOUT_CODES.has(code))
      return this.fail('timeout', text, { cause: err });
    return this.fail('network', text, { cause: err });
  }
}

const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/**
 * One coding undone, its output capped at `maxBytes`. Sync flush at the end, as browsers do: a body cut
 * short after its last complete block still gives what it has instead of an "unexpected end of file".
 */
function decompress(coding: string, bytes: Buffer, maxBytes: number): Buffer {
  const lenient = {
    flush: zlibConstants.Z_SYNC_FLUSH,
    finishFlush: zlibConstants.Z_SYNC_FLUSH,
    maxOutputLength: maxBytes,
  };
  switch (coding) {
    case 'br':
      return brotliDecompressSync(bytes, {
        flush: zlibConstants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH,
        maxOutputLength: maxBytes,
      });
    case 'deflate':
      // "deflate" means zlib-wrapped, but some servers send raw deflate; the first bytes tell which.
      return hasZlibHeader(bytes) ? inflateSync(bytes, lenient) : inflateRawSync(bytes, lenient);
    default:
      return gunzipSync(bytes, lenient);
  }
}

/** RFC 1950: compression method 8 in the low nibble, and the first two bytes a multiple of 31. */
function hasZlibHeader(bytes: Buffer): boolean {
  const [cmf = 0, flg] = bytes;
  return (cmf & 0x0f) === 8 && (flg === undefined || ((cmf << 8) | flg) % 31 === 0);
}

/** Reads a little of a body nobody wants, then drops it. */
async function discard(body: ResponseBody): Promise<number> {
  let bytes = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes >= DISCARD_LIMIT) break;
    }
  } catch {
    // The status line already decided the outcome; a broken error page changes nothing.
  } finally {
    release(body);
  }
  return bytes;
}

/**
 * Undici keeps a connection whose body was never finished; destroying the body frees the socket. It
 * then emits the abort as an error, which is our own doing and already accounted for.
 */
function release(body: ResponseBody): void {
  if (body.destroyed) return;
  body.on('error', () => {});
  body.destroy();
}

function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return value ?? null;
}

function parseContentType(value: string | null): { type: string | null; charset: string | null } {
  if (!value) return { type: null, charset: null };
  const [type = '', ...params] = value.split(';');
  const charset = params
    .map((p) => p.trim())
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice('charset='.length)
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  return { type: type.trim().toLowerCase() || null, charset: charset || null };
}

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); absent or
 * unreadable means a minute, and no server gets to park a host for more than an hour.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  if (value === null) return DEFAULT_RETRY_AFTER_MS;
  const text = value.trim();
  // An HTTP date starts with the day's name; Date.parse would also take "-5" or "2025" as a date.
  const ms = /^\d+$/.test(text)
    ? Number(text) * 1000
    : /^[a-z]/i.test(text)
      ? Date.parse(text) - now
      : Number.NaN;
  if (Number.isNaN(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
