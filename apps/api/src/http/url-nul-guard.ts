import { Logger } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { hfErrorForNul, sendHfError } from '../hf/hf-error.js';
import { NUL_PROBLEM, nulCharacterFields } from './nul-characters.js';
import { sendProblem, toProblem } from './problem.filter.js';

const logger = new Logger('http');

/**
 * Refuses a NUL character (`%00`) in any path parameter or query value before a handler runs, for every
 * route at once: PostgreSQL can store none, and no name, id, label or filter of Vetted's holds one.
 * (JSON bodies: the body pipe in zod.pipe.ts.)
 */
export function refuseNulInUrl(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const params = (request.params ?? {}) as Record<string, string>;
  const hub = request.url.startsWith('/hf/');
  // A file path (`*` of the file routes) has its own rules, which refuse NUL among the control characters (checkFilePath).
  const nulParams = nulCharacterFields(params).filter((field) => hub || field !== '*');
  const nulQuery = nulCharacterFields(request.query ?? {});
  if (nulParams.length + nulQuery.length === 0) return done();
  if (hub) return sendHfError(reply, hfErrorForNul(request.routeOptions.url, params, nulParams));
  const fields = [...nulParams, ...nulQuery];
  sendProblem(reply, toProblem(DomainError.invalid(fields.map((field) => ({ field, message: NUL_PROBLEM }))), request, logger));
}
