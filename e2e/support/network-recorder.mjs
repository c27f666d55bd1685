// Preloaded into every Node process of a test (NODE_OPTIONS=--import=<this file's URL>?log=<file>): appends one
// JSON line per outbound connection attempt and name lookup to the log file, so the test can prove that nothing but
// loopback was tried. An attempt to leave loopback is recorded and refused here, never handed to the operating system:
// tests connect only to loopback. Plain JavaScript: Node loads it before any TypeScript tooling.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const logFile = new URL(import.meta.url).searchParams.get('log');
if (!logFile) throw new Error(`network-recorder: no log file in ${import.meta.url} (add ?log=/path/to/file)`);
const preload = `--import=${import.meta.url}`;

const record = (entry) => appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);

// The same rule as e2e/support/network-log.ts's leavesLoopback (this file cannot import TypeScript).
const isLoopbackHost = (host) => {
  const bare = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  return bare === '::1' || bare.startsWith('::ffff:127.');
};
const isLookupLeaving = (host) => net.isIP(String(host).replace(/^\[|\]$/g, '')) === 0 && !isLoopbackHost(host);
const refusal = (what) => Object.assign(new Error(`network-recorder: refused ${what} (loopback only)`), { code: 'ENETUNREACH' });

record({ kind: 'process', ppid: process.ppid, argv: process.argv.slice(1) });

// net.Socket#connect is where every TCP and IPC connection starts: net.connect, tls.connect, http(s), fetch (undici).
// Its arguments are (options | [options, callback] | port, host | path).
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function recordedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    if (first.path) record({ kind: 'ipc', path: String(first.path) });
    else record({ kind: 'tcp', host: first.host ?? 'localhost', port: Number(first.port) });
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    record({ kind: 'ipc', path: first });
  } else {
    record({ kind: 'tcp', host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) });
  }
  const isObject = first !== null && typeof first === 'object';
  const host = isObject ? first.host : args[1];
  const path = isObject ? first.path : typeof first === 'string' && Number.isNaN(Number(first));
  if (!path && typeof host === 'string' && !isLoopbackHost(host)) {
    process.nextTick(() => this.destroy(refusal(`a connection to ${host}`)));
    return this;
  }
  return connect.apply(this, args);
};

// Name lookups: getaddrinfo (lookup, lookupService) and the c-ares resolvers, which send their own UDP packets.
const RESOLVERS = ['resolve', 'resolveAny', 'resolve4', 'resolve6', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr'];
const MORE_RESOLVERS = ['resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
const LOOKUPS = ['lookup', 'lookupService', ...RESOLVERS, ...MORE_RESOLVERS];
const recordLookups = (target, names) => {
  for (const name of names) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function recordedLookup(host, ...rest) {
      record({ kind: 'dns', call: name, host: String(host) });
      if (!isLookupLeaving(host)) return original.call(this, host, ...rest);
      const error = refusal(`a lookup of ${host}`);
      const callback = rest.at(-1);
      if (typeof callback !== 'function') return Promise.reject(error);
      process.nextTick(() => callback(error));
    };
  }
};
recordLookups(dns, LOOKUPS);
recordLookups(dns.promises, LOOKUPS);
recordLookups(dns.Resolver.prototype, [...RESOLVERS, ...MORE_RESOLVERS]);
recordLookups(dns.promises.Resolver.prototype, [...RESOLVERS, ...MORE_RESOLVERS]);

// UDP: send(msg, [offset, length,] port, address) and connect(port, address); no address means localhost.
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function recordedSend(...args) {
  const [port, address] = typeof args[3] === 'number' ? [args[3], args[4]] : [args[1], args[2]];
  if (typeof port === 'number') record({ kind: 'udp', host: typeof address === 'string' ? address : 'localhost', port });
  if (typeof address === 'string' && !isLoopbackHost(address)) throw refusal(`a datagram to ${address}`);
  return send.apply(this, args);
};
const udpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function recordedUdpConnect(port, address, ...rest) {
  record({ kind: 'udp', host: typeof address === 'string' ? address : 'localhost', port: Number(port) });
  if (typeof address === 'string' && !isLoopbackHost(address)) throw refusal(`a datagram connection to ${address}`);
  return udpConnect.call(this, port, address, ...rest);
};

// Children inherit NODE_OPTIONS unless their parent hands them an environment of its own (the benchmark runner's
// child gets a filtered one): the preload is added back there, so they are recorded too.
const withPreload = (options) => {
  if (!options?.env) return options;
  const current = options.env.NODE_OPTIONS ?? '';
  if (current.includes(preload)) return options;
  return { ...options, env: { ...options.env, NODE_OPTIONS: `${current} ${preload}`.trim() } };
};
for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) {
  const original = childProcess[name];
  childProcess[name] = function launchRecorded(...args) {
    const at = args.findIndex((arg) => arg !== null && typeof arg === 'object' && !Array.isArray(arg));
    if (at >= 0) args[at] = withPreload(args[at]);
    return original.apply(this, args);
  };
}

// `import { lookup } from 'node:dns'` binds to the ES module's own copies of the exports: refresh them.
syncBuiltinESMExports();
