import { isIP, type Socket } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import type { OutboundNetwork } from './outbound-network.js';

/** A delivery the address policy stopped before any connection was made. */
export class AddressRefused extends Error {
  override readonly name = 'AddressRefused';
}

export interface GuardedSocketOptions {
  policy: AddressPolicy;
  network: OutboundNetwork;
  connectTimeoutMs: number;
}

/**
 * Resolves the URL's host once, checks every address it resolves to, and connects to the first one:
 * the address checked is the address connected to, so a name that resolves differently a moment later
 * (DNS rebinding) gains nothing.
 */
export async function openGuardedSocket(url: URL, options: GuardedSocketOptions): Promise<Socket> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(hostname) ? [{ address: hostname }] : await options.network.resolve(hostname);
  if (addresses.length === 0) throw new Error(`${hostname} has no address`);
  for (const { address } of addresses) {
    const refusal = options.policy.refusal(address);
    if (refusal) {
      throw new AddressRefused(address === hostname ? `${address} is ${refusal}` : `${hostname} resolves to ${address}, ${refusal}`);
    }
  }
  const secure = url.protocol === 'https:';
  const socket = options.network.connect({
    address: addresses[0]!.address,
    port: Number(url.port) || (secure ? 443 : 80),
    tls: secure,
    servername: secure && isIP(hostname) === 0 ? hostname : undefined,
  });
  await connected(socket, secure ? 'secureConnect' : 'connect', options.connectTimeoutMs, hostname);
  return socket;
}

function connected(socket: Socket, event: 'connect' | 'secureConnect', timeoutMs: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`could not connect to ${hostname} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
    // Stays attached: an error before the HTTP client adds its own listener must not crash the process.
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
