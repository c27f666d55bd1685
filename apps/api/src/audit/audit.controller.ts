import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEvent } from '@vetted/db';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { ActorDirectory, type ActorInfo } from '../auth/actor-directory.js';
import { ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageFrom, pageOf, pageQuery } from '../http/pagination.js';
import { validQuery } from '../http/zod.pipe.js';
import { AuditRepository } from './audit.repository.js';

const listAuditQuery = z.strictObject({
  subjectType: z.string().max(50).optional(),
  subjectId: z.string().max(500).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(100).optional().describe('e.g. key:<id>, admin-token, worker, import:<id>'),
  from: z.iso.datetime({ offset: true }).optional().describe('Events at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Events before this time'),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'is not a cursor returned by this endpoint')
    .optional(),
  limit: pageQuery.limit,
});
type ListAuditQuery = z.output<typeof listAuditQuery>;

const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string().describe("The key's name (or worker, automatic, import …)"),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  data: z.unknown(),
});
type AuditEventView = z.output<typeof auditEventView>;

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditRepository,
    private readonly actors: ActorDirectory,
  ) {}

  @Get()
  @RequireRole('admin')
  @ApiQueryParams(listAuditQuery)
  @ApiJsonResponse(200, 'Audit events, newest first', pageOf(auditEventView))
  @ApiProblems(400)
  async list(@Query(validQuery(listAuditQuery)) query: ListAuditQuery): Promise<Page<AuditEventView>> {
    const events = await this.audit.list({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.cursor ? BigInt(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const names = await this.actors.describe(events.map((event) => event.actor));
    return pageFrom(
      events,
      query.limit,
      (event) => toAuditEventView(event, names.get(event.actor)!),
      (event) => event.id.toString(),
    );
  }
}

function toAuditEventView(event: AuditEvent, actor: ActorInfo): AuditEventView {
  return {
    id: event.id.toString(),
    at: event.at.toISOString(),
    actor: event.actor,
    actorName: actor.name,
    actorRole: actor.role,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    data: event.data,
  };
}
