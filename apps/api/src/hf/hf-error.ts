import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The codes Hub clients turn into their own exceptions (see shared/hf-protocol.md §7). */
export type HfErrorCode = 'RepoNotFound' | 'RevisionNotFound' | 'EntryNotFound';

/** An error answered the way the Hugging Face Hub answers it: status, X-Error-Code, `{"error": …}`. */
export class HfError extends Error {
  override readonly name = 'HfError';

  constructor(
    readonly status: 401 | 404 | 400,
    readonly code: HfErrorCode | undefined,
    message: string,
    /** Sent with EntryNotFound so Python clients can still cache the commit. */
    readonly repoCommit?: string,
  ) {
    super(message);
  }
}

/** Hub clients branch on X-Error-Code, not on problem+json: everything under /hf answers in their terms. */
@Catch()
export class HfErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('hf');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    let hf: HfError;
    if (error instanceof HfError) {
      hf = error;
    } else if (error instanceof DomainError && error.kind === 'rate_limited') {
      void reply
        .status(429)
        .header('Retry-After', String(error.retryAfterSeconds ?? 60))
        .header('Content-Type', 'application/json')
        .send({ error: error.message });
      return;
    } else if (error instanceof DomainError && error.kind === 'unavailable') {
      void reply.status(503).header('Content-Type', 'application/json').send({ error: error.message }); // clients retry 5xx
      return;
    } else {
      this.logger.error(`request ${request.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void reply
        .status(500)
        .header('Content-Type', 'application/json')
        .send({ error: `Internal error; quote request id ${request.id} to the operator` });
      return;
    }
    if (hf.code) void reply.header('X-Error-Code', hf.code);
    if (hf.repoCommit) void reply.header('X-Repo-Commit', hf.repoCommit);
    // Header values must be Latin-1: non-ASCII becomes "?" there; the JSON body keeps the exact message.
    void reply
      .header('X-Error-Message', hf.message.replace(/[^\x20-\x7e]/g, '?'))
      .status(hf.status)
      .header('Content-Type', 'application/json')
      .send({ error: hf.message });
  }
}
