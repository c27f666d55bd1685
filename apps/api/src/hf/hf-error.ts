import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { outageError, outageReason, RETRY_AFTER_SECONDS } from '../http/outage.js';

/** The codes Hub clients turn into their own exceptions (huggingface_hub's `hf_raise_for_status`). */
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

export function sendHfError(reply: FastifyReply, hf: HfError): void {
  if (hf.code) void reply.header('X-Error-Code', hf.code);
  if (hf.repoCommit) void reply.header('X-Repo-Commit', hf.repoCommit);
  // Header values must be Latin-1: non-ASCII becomes "?" there; the JSON body keeps the exact message.
  void reply
    .header('X-Error-Message', hf.message.replace(/[^\x20-\x7e]/g, '?'))
    .status(hf.status)
    .header('Content-Type', 'application/json')
    .send({ error: hf.message });
}

/** Hub clients branch on X-Error-Code, not on problem+json: everything under /hf answers in their terms. */
@Catch()
export class HfErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('hf');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const outage = outageError(thrown);
    if (outage) this.logger.error(`request ${request.id}: ${outage.code}: ${outageReason(thrown)}`);
    const error = outage ?? thrown;
    if (error instanceof HfError) {
      sendHfError(reply, error);
    } else if (error instanceof DomainError && (error.kind === 'rate_limited' || error.kind === 'unavailable')) {
      // Clients retry 429 and 5xx.
      void reply
        .status(error.kind === 'rate_limited' ? 429 : 503)
        .header('Retry-After', String(error.retryAfterSeconds ?? (error.kind === 'rate_limited' ? 60 : RETRY_AFTER_SECONDS)))
        .header('Content-Type', 'application/json')
        .send({ error: error.message });
    } else {
      this.logger.error(`request ${request.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void reply
        .status(500)
        .header('Content-Type', 'application/json')
        .send({ error: `Internal error; quote request id ${request.id} to the operator` });
    }
  }
}

/**
 * What the Hub would answer for a URL holding a NUL character (no repository, revision or file has one):
 * not found, for the first part of the URL that holds it; 400 when only the query does.
 */
export function hfErrorForNul(route: string | undefined, params: Record<string, string>, nulParams: string[]): HfError {
  const revision = route?.includes('/tree/') ? (params['*'] ?? '').split('/')[0] : params.revision;
  if (nulParams.includes('namespace') || nulParams.includes('name') || route === '/hf/*') {
    return new HfError(404, 'RepoNotFound', 'Repository not found');
  }
  if (revision?.includes('\0')) return new HfError(404, 'RevisionNotFound', 'Invalid rev id');
  if (nulParams.length > 0) return new HfError(404, 'EntryNotFound', 'Entry not found');
  return new HfError(400, undefined, 'Query parameters must not contain NUL characters');
}
