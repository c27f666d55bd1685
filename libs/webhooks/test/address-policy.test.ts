import { parseIpRange } from '@vetted/config';
import { describe, expect, it } from 'vitest';
import { AddressPolicy } from '../src/index.js';

const ranges = (...texts: string[]) => texts.map((text) => parseIpRange(text)!);
const defaults = new AddressPolicy({ allowLoopback: false, allow: [], deny: [] });

describe('the outbound address policy', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
    ['64:ff9b::a9fe:a9fe', 'a cloud metadata address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['169.254.1.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['255.255.255.255', 'a reserved or broadcast address'],
  ])('refuses %s by default: %s', (address, reason) => {
    expect(defaults.refusal(address)).toBe(reason);
  });

  it.each(['10.1.2.3', '172.16.0.1', '192.168.1.10', '100.64.0.1', 'fd12:3456::1', '8.8.8.8', '2001:db8::1', '::ffff:10.0.0.1'])(
    'allows %s: private ranges are what internal CI servers use',
    (address) => {
      expect(defaults.refusal(address)).toBeUndefined();
    },
  );

  it('refuses what is not an IP address', () => {
    expect(defaults.refusal('localhost')).toBe('not an IP address');
  });

  it('lets operators allow loopback or a range, and deny a range above everything', () => {
    const local = new AddressPolicy({ allowLoopback: true, allow: [], deny: [] });
    expect(local.refusal('127.0.0.1')).toBeUndefined();
    expect(local.refusal('::1')).toBeUndefined();
    expect(local.refusal('::ffff:127.0.0.1')).toBeUndefined();
    expect(local.refusal('169.254.169.254')).toBe('a cloud metadata address');

    const custom = new AddressPolicy({ allowLoopback: true, allow: ranges('169.254.10.0/24'), deny: ranges('10.0.0.0/8', '127.0.0.2') });
    expect(custom.refusal('169.254.10.7')).toBeUndefined();
    expect(custom.refusal('169.254.169.254')).toBe('a cloud metadata address');
    expect(custom.refusal('10.9.9.9')).toBe('a range VETTED_WEBHOOK_DENY_CIDRS refuses');
    expect(custom.refusal('::ffff:10.9.9.9')).toBe('a range VETTED_WEBHOOK_DENY_CIDRS refuses');
    expect(custom.refusal('127.0.0.2')).toBe('a range VETTED_WEBHOOK_DENY_CIDRS refuses');
    expect(custom.refusal('127.0.0.1')).toBeUndefined();
  });
});
