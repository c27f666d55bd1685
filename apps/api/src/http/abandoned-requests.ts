import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** Only reads are dropped: a write the client gave up on may still be wanted (its answer was lost, not its intent). */
const READS = new Set(['GET', 'HEAD']);

/** Whether the client of the request in whose scope code runs has gone; a plain flag, not an AbortSignal, which costs more to make. */
interface Abandonment {
  aborted: boolean;
}

const abandonment = new AsyncLocalStorage<Abandonment>();

/**
 * A read whose client hung up before the answer was ready: answered 499 (as nginx logs it), to nobody. Not a
 * DomainError: Prisma would wrap an error with a `code` into one of its own.
 */
export class ClientClosedRequest extends Error {
  override readonly name = 'ClientClosedRequest';
  constructor() {
    super('The client closed the connection before the answer was ready');
  }
}

/**
 * onRequest hook: a read runs with a flag raised when its client hangs up before the whole answer is
 * written. A search box that cancels each keystroke's request would otherwise leave the database a backlog of
 * queries nobody waits for, which every live request, downloads included, queues behind (bench/soak.mjs).
 */
export function watchForAbandonment(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!READS.has(request.method)) return done();
  const state: Abandonment = { aborted: false };
  let answered = false;
  reply.raw.once('finish', () => (answered = true));
  reply.raw.once('close', () => {
    if (!answered) state.aborted = true;
  });
  if (request.raw.socket?.destroyed) state.aborted = true; // gone before we got here: no close event is coming
  abandonment.run(state, done);
}

/** For the database pool, as a query gets its connection: refuses the query of a read whose client has gone. */
export function refuseAbandonedRead(): void {
  if (abandonment.getStore()?.aborted) throw new ClientClosedRequest();
}

/** Runs work a read starts on its own account (the audit record of a download) to the end, client or not. */
export function detachedFromRequest<T>(work: () => T): T {
  return abandonment.exit(work);
}
