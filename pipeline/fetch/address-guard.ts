import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** Decides whether the crawler may open a connection to this IP address. */
export type AddressPolicy = (ip: string) => boolean;

/** A connection the address policy forbade; the fetcher reports it as 'blocked-address'. */
export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
  readonly code = 'ERR_ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly addresses: string[],
  ) {
    super(
      addresses.length === 1 && addresses[0] === host
        ? `${host} is a refused address`
        : `${host} resolves only to refused addresses (${addresses.join(', ') || 'none'})`,
    );
  }
}

type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A DNS lookup for the HTTP agent's connector, so the check happens on the very address a socket is
 * about to use: checking a hostname before the request and connecting later would let DNS answer
 * differently in between (rebinding), and redirects would need the check repeated by hand.
 * Refused addresses are dropped from the answer; with none left the connection fails.
 */
export function guardedLookup(allow: AddressPolicy, resolve: ResolveAll = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '');
        return;
      }
      const allowed = addresses.filter((a) => allow(a.address));
      const first = allowed[0];
      if (!first) {
        callback(
          new AddressRefusedError(
            hostname,
            addresses.map((a) => a.address),
          ),
          '',
        );
        return;
      }
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * A URL whose host is an IP literal never reaches the lookup, so it is checked here, before
 * connecting. Takes a URL that has already been parsed once (canonical), so it cannot throw.
 */
export function refuseLiteralHost(url: string, allow: AddressPolicy): void {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0 && !allow(host)) throw new AddressRefusedError(host, [host]);
}
