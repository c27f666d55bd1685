import { BlockList } from 'node:net';
import type { IpRange } from '@vetted/config';

/**
 * Where a request comes from: the connection's address, or, when that is a trusted proxy, the
 * nearest X-Forwarded-For entry that is not one. An untrusted peer's X-Forwarded-For is ignored, so
 * a client cannot pick its own rate limit bucket.
 */
export class ClientAddress {
  private readonly proxies = new BlockList();

  constructor(trustedProxies: readonly IpRange[]) {
    for (const { address, prefix, family } of trustedProxies) this.proxies.addSubnet(address, prefix, family);
  }

  of(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    let client = normalize(peer ?? 'unknown');
    const hops = [forwardedFor ?? []]
      .flat()
      .flatMap((header) => header.split(','))
      .map((hop) => normalize(hop.trim()));
    while (this.trusted(client) && hops.length > 0) client = hops.pop()!;
    return client;
  }

  private trusted(address: string): boolean {
    const family = address.includes(':') ? 'ipv6' : 'ipv4';
    try {
      return this.proxies.check(address, family);
    } catch {
      return false; // Not an address at all (a forged or garbled header entry).
    }
  }
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}
