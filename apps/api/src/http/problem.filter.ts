import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@vetted/domain';
import { TransitionRefused } from '@vetted/lifecycle';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientClosedRequest } from './abandoned-requests.js';
import { outageError, outageReason, RETRY_AFTER_SECONDS } from './outage.js';
import { type Problem, problem } from './problem.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unavailable: 503,
  insufficient_storage: 507,
  rate_limited: 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Fastify's own errors (malformed JSON, body too large…) carry a status and an FST_* code. */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

const FASTIFY_CODES: Record<string, { code: string; detail: string; field?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', detail: 'The request body is not valid JSON', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', detail: 'The request body is empty but declared as JSON', field: 'body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', detail: 'The request body is larger than this endpoint accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', detail: 'Send the request body as application/json' },
};

/**
 * Turns anything thrown into problem+json: a database or storage outage becomes a 503 the client may
 * retry; unknown errors become a 500. Either way the details stay in the log.
 */
export function toProblem(thrown: unknown, request: FastifyRequest, logger: Logger): Problem {
  if (thrown instanceof ClientClosedRequest) return problem(499, 'client_closed_request', thrown.message);
  const outage = outageError(thrown);
  if (outage) logger.error(`request ${request.id}: ${outage.code}: ${outageReason(thrown)}`);
  // A move the lifecycle refuses is a conflict the client can read, however the caller got there.
  const error = outage ?? (thrown instanceof TransitionRefused ? DomainError.conflict('invalid_transition', thrown.message) : thrown);
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    const retryAfter = error.retryAfterSeconds ?? (status === 503 ? RETRY_AFTER_SECONDS : undefined);
    return {
      ...error.extensions,
      ...problem(status, error.code, error.message, error.fields),
      ...(retryAfter ? { retryAfter } : {}),
    };
  }
  // Nest wraps Fastify's client errors in an HttpException whose cause is the original.
  const fastifyError = (error instanceof HttpException ? error.cause : error) as FastifyError | undefined;
  const known = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known && fastifyError?.statusCode) {
    return problem(
      fastifyError.statusCode,
      known.code,
      known.detail,
      known.field ? [{ field: known.field, message: known.detail }] : undefined,
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const detail = status === 404 ? `No route for ${request.method} ${request.url.split('?')[0]}` : error.message;
    return problem(status, CODE_BY_STATUS[status] ?? 'http_error', detail);
  }
  logger.error(`request ${request.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return {
    ...problem(500, 'internal_error', `Something went wrong on our side; quote request id ${request.id} to the operator.`),
    requestId: String(request.id),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  if (body.status === 401) reply.header('WWW-Authenticate', 'Bearer');
  if (body.retryAfter) reply.header('Retry-After', String(body.retryAfter));
  void reply.status(body.status).header('Content-Type', 'application/problem+json').send(body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    sendProblem(http.getResponse<FastifyReply>(), toProblem(error, request, this.logger));
  }
}
