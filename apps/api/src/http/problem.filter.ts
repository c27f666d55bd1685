import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@vetted/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Problem, problem } from './problem.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
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

/** Turns anything thrown into problem+json; unknown errors become a 500 whose details stay in the log. */
export function toProblem(error: unknown, request: FastifyRequest, logger: Logger): Problem {
  if (error instanceof DomainError) {
    return problem(STATUS_BY_KIND[error.kind], error.code, error.message, error.fields);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const detail = status === 404 ? `No route for ${request.method} ${request.url.split('?')[0]}` : error.message;
    return problem(status, CODE_BY_STATUS[status] ?? 'http_error', detail);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return problem(400, 'malformed_json', 'The request body is not valid JSON', [{ field: 'body', message: 'is not valid JSON' }]);
    }
    return problem(status, CODE_BY_STATUS[status] ?? 'bad_request', fastifyError.message);
  }
  logger.error(`request ${request.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { ...problem(500, 'internal_error', `Something went wrong on our side; quote request id ${request.id} to the operator.`), requestId: String(request.id) };
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  if (body.status === 401) reply.header('WWW-Authenticate', 'Bearer');
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
