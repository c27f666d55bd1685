import { readFile } from 'node:fs/promises';
import net from 'node:net';

const RECORDER = new URL('./network-recorder.mjs', import.meta.url);

/** One line of the recorder's log: a process that loaded it, or an attempt to reach something. */
export type NetworkRecord =
  | { pid: number; kind: 'process'; ppid: number; argv: string[] }
  | { pid: number; kind: 'tcp' | 'udp'; host: string; port: number }
  | { pid: number; kind: 'dns'; call: string; host: string }
  | { pid: number; kind: 'ipc'; path: string };

/** NODE_OPTIONS that load the recorder, logging to `logFile`; Node children inherit it. */
export function recorderNodeOptions(logFile: string): string {
  const url = new URL(RECORDER);
  url.searchParams.set('log', logFile);
  return `--import=${url.href}`;
}

export async function readNetworkLog(logFile: string): Promise<NetworkRecord[]> {
  const text = await readFile(logFile, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as NetworkRecord);
}

const isLoopbackHost = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  return bare === '::1' || bare.startsWith('::ffff:127.');
};

/**
 * Attempts that could leave the machine: TCP or UDP to anything but loopback, and name lookups other than
 * localhost. A lookup of an address literal resolves nothing (getaddrinfo answers it locally: binding a
 * socket to 0.0.0.0 makes one), and the packets sent to that address are recorded on their own.
 */
export function leavesLoopback(record: NetworkRecord): boolean {
  switch (record.kind) {
    case 'tcp':
    case 'udp':
      return !isLoopbackHost(record.host);
    case 'dns':
      return net.isIP(record.host.replace(/^\[|\]$/g, '')) === 0 && !isLoopbackHost(record.host);
    default:
      return false;
  }
}
