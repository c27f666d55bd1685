// Prisma: cannot reach or timed out reaching the server, socket timeout, connection closed, pool timeout, too many connections.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
// The same failures as @prisma/adapter-pg names them (meta.driverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Only failures to open a connection: a reset on an accepted socket may be a client hanging up.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: connection exceptions (class 08), the server shutting down or starting up (57P01–57P03), too many connections.
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
// node-postgres reports a lost or never-made connection with these messages and no code.
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

interface ErrorLike {
  code?: unknown;
  errorCode?: unknown;
  syscall?: unknown;
  message?: string;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

/** True when an error (or one it wraps) means "the database cannot be reached right now", not "this query is wrong". */
export function isDatabaseOutage(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (isOutage(current)) return true;
    current = current.cause;
  }
  return false;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function isOutage(error: ErrorLike): boolean {
  const code = text(error.code) || text(error.errorCode);
  const message = error.message ?? '';
  const adapter = error.meta?.driverAdapterError?.cause;
  return (
    PRISMA_CODES.has(code) ||
    (code === 'P2028' && message.includes('Unable to start a transaction')) ||
    ADAPTER_KINDS.has(text(adapter?.kind)) ||
    SQLSTATE.test(text(adapter?.code)) ||
    SQLSTATE.test(code) ||
    (CONNECT_FAILURES.has(code) && (error.syscall === 'connect' || error.syscall === 'getaddrinfo')) ||
    PG_MESSAGES.test(message)
  );
}
