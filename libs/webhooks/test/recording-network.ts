import net from 'node:net';
import { type ConnectTarget, type OutboundNetwork, SYSTEM_NETWORK } from '../src/index.js';

export interface RecordingNetwork extends OutboundNetwork {
  /** Every address a delivery connected to, or would have. */
  connections: string[];
}

const isLoopback = (address: string) => address.startsWith('127.') || address === '::1';

/**
 * Resolves names from `hosts` instead of DNS and records each address a delivery connects to. Only
 * loopback is really connected to: any other address gets a socket that fails at once, so no test ever
 * reaches beyond this machine whatever the policy decides.
 */
export function recordingNetwork(hosts: Record<string, string[]> = {}): RecordingNetwork {
  const connections: string[] = [];
  return {
    connections,
    resolve: (hostname) => Promise.resolve((hosts[hostname] ?? []).map((address) => ({ address }))),
    connect: (target: ConnectTarget) => {
      connections.push(target.address);
      if (isLoopback(target.address)) return SYSTEM_NETWORK.connect(target);
      const socket = new net.Socket();
      process.nextTick(() => socket.destroy(new Error(`test network: not connecting to ${target.address}`)));
      return socket;
    },
  };
}
