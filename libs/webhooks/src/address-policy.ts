import { BlockList, isIP } from 'node:net';
import type { IpRange, WebhookAddressConfig } from '@vetted/config';

interface Rule {
  reason: string;
  ranges: BlockList;
}

/**
 * Addresses a webhook must not reach unless an operator allows them: the machine itself, its link, cloud
 * metadata services (instance credentials) and addresses that are not one host. Private ranges stay
 * allowed: reaching internal CI servers is the point. The most specific reason comes first.
 */
const REFUSED: readonly { reason: string; ranges: readonly (readonly [string, number])[] }[] = [
  {
    reason: 'a cloud metadata address',
    ranges: [
      ['169.254.169.254', 32], // AWS, GCP, Azure, OpenStack, Oracle…
      ['fd00:ec2::254', 128], // AWS over IPv6
      ['100.100.100.200', 32], // Alibaba Cloud
      ['192.0.0.192', 32], // Oracle Cloud (classic)
    ],
  },
  {
    reason: 'a loopback address',
    ranges: [
      ['127.0.0.0', 8],
      ['::1', 128],
    ],
  },
  {
    reason: 'a link-local address',
    ranges: [
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ],
  },
  {
    reason: 'an unspecified address',
    ranges: [
      ['0.0.0.0', 8],
      ['::', 128],
    ],
  },
  {
    reason: 'a multicast address',
    ranges: [
      ['224.0.0.0', 4],
      ['ff00::', 8],
    ],
  },
  { reason: 'a reserved or broadcast address', ranges: [['240.0.0.0', 4]] },
];

const LOOPBACK: readonly IpRange[] = [
  { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '::1', prefix: 128, family: 'ipv6' },
];

/**
 * Decides which addresses webhook deliveries may connect to. Checked on every address a host name
 * resolves to, right before connecting to it (see openGuardedSocket): a URL's text proves nothing.
 * The operator's deny list wins, then their allow list, then the built-in refusals.
 */
export class AddressPolicy {
  private readonly denied: BlockList;
  private readonly allowed: BlockList;
  private readonly refused: readonly Rule[];

  constructor(config: WebhookAddressConfig) {
    this.denied = blockList(config.deny);
    this.allowed = blockList([...config.allow, ...(config.allowLoopback ? LOOPBACK : [])]);
    this.refused = REFUSED.map(({ reason, ranges }) => ({
      reason,
      ranges: blockList(ranges.flatMap(([address, prefix]) => withNat64(range(address, prefix)))),
    }));
  }

  /** Why a delivery may not connect to this address, or undefined when it may. */
  refusal(address: string): string | undefined {
    const version = isIP(address);
    if (version === 0) return 'not an IP address';
    const family = version === 4 ? 'ipv4' : 'ipv6';
    // BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against IPv4 ranges itself.
    if (this.denied.check(address, family)) return 'a range VETTED_WEBHOOK_DENY_CIDRS refuses';
    if (this.allowed.check(address, family)) return undefined;
    return this.refused.find((rule) => rule.ranges.check(address, family))?.reason;
  }
}

function range(address: string, prefix: number): IpRange {
  return { address, prefix, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** An IPv4 range and the same range behind the well-known NAT64 prefix (64:ff9b::/96), which reaches it too. */
function withNat64(ipv4: IpRange): IpRange[] {
  if (ipv4.family === 'ipv6') return [ipv4];
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.address.split('.').map(Number);
  const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
  return [ipv4, { address: `64:ff9b::${hex(a, b)}:${hex(c, d)}`, prefix: 96 + ipv4.prefix, family: 'ipv6' }];
}

function blockList(ranges: readonly IpRange[]): BlockList {
  const list = new BlockList();
  for (const { address, prefix, family } of ranges) list.addSubnet(address, prefix, family);
  return list;
}
