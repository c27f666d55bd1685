import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';

/** Where one delivery connects: an address the policy has already allowed. */
export interface ConnectTarget {
  address: string;
  port: number;
  /** HTTPS: TLS with the URL's host name for SNI and certificate checks. */
  tls: boolean;
  servername: string | undefined;
}

/**
 * Name resolution and connecting, the two steps between which an address is checked. Tests replace them
 * to see which address a delivery would connect to without connecting anywhere but loopback.
 */
export interface OutboundNetwork {
  resolve(hostname: string): Promise<readonly { address: string }[]>;
  /** A socket that emits `connect` (TLS: `secureConnect`) or `error`. */
  connect(target: ConnectTarget): net.Socket;
}

export const SYSTEM_NETWORK: OutboundNetwork = {
  resolve: (hostname) => lookup(hostname, { all: true, verbatim: true }),
  connect: (target) =>
    target.tls
      ? tls.connect({ host: target.address, port: target.port, servername: target.servername, ALPNProtocols: ['http/1.1'] })
      : net.connect({ host: target.address, port: target.port }),
};
