import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { AddressRefusedError, guardedLookup } from '../../../pipeline/fetch/address-guard.js';
import { isPrivateAddress } from '../../../pipeline/fetch/private-address.js';

describe('isPrivateAddress', () => {
  it.each([
    // IPv4
    ['0.0.0.0', true],
    ['10.20.30.40', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['169.254.169.254', true],
    ['172.15.255.255', false],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.0.2.10', true],
    ['192.168.1.1', true],
    ['198.18.0.1', true],
    ['224.0.0.251', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['103.10.20.30', false],
    // IPv6
    ['::', true],
    ['::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['2001::1', true],
    ['2404:6800:4003:c00::64', false],
    ['2606:4700::1111', false],
    // IPv4 inside IPv6: mapped, NAT64, 6to4, and the deprecated IPv4-compatible form
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::8.8.8.8', false],
    ['2002:c0a8:101::1', true],
    ['2002:808:808::1', false],
    ['::8.8.8.8', true],
    // not addresses at all
    ['localhost', true],
    ['', true],
    ['1.2.3', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe('guardedLookup', () => {
  const fakeDns =
    (answers: Record<string, string[]>) =>
    (
      hostname: string,
      _options: unknown,
      callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
    ) => {
      const ips = answers[hostname];
      if (!ips) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        return;
      }
      callback(
        null,
        ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    };
  const dns = fakeDns({
    'intranet.example': ['10.0.0.5'],
    'mixed.example': ['10.0.0.5', '203.0.114.7', '2404:6800::1'],
    'news.example': ['203.0.114.7'],
  });
  const lookup = guardedLookup((ip) => !isPrivateAddress(ip), dns);
  const run = (host: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup(host, { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('refuses a hostname that resolves only to private addresses', async () => {
    const { err } = await run('intranet.example', true);
    expect(err).toBeInstanceOf(AddressRefusedError);
    expect(err?.message).toContain('intranet.example');
    expect(err?.message).toContain('10.0.0.5');
  });

  it('keeps only the allowed addresses of a mixed answer, in both callback shapes', async () => {
    expect((await run('mixed.example', true)).address).toEqual([
      { address: '203.0.114.7', family: 4 },
      { address: '2404:6800::1', family: 6 },
    ]);
    expect(await run('mixed.example', false)).toMatchObject({ err: null, address: '203.0.114.7', family: 4 });
  });

  it('passes DNS errors through', async () => {
    expect((await run('nowhere.example', false)).err?.code).toBe('ENOTFOUND');
  });
});
