import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@vetted/db';
import { type AuditEntry, recordAudit } from '@vetted/lifecycle';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export type { AuditEntry };

export interface AuditFilter {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: bigint | undefined;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly db: PrismaService) {}

  /** Recorded in the same transaction as the change it describes. */
  record(tx: Transaction, entry: AuditEntry): Promise<void> {
    return recordAudit(tx, entry);
  }

  /** Recorded on its own, for what changes nothing else (a download). */
  append(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }

  /** Everything recorded about a version and its files since `since`, oldest first; downloads left out. */
  ofVersion(subject: string, since: Date): Promise<AuditEvent[]> {
    return this.db.auditEvent.findMany({
      where: {
        at: { gte: since },
        OR: [
          { subjectType: 'model_version', subjectId: subject },
          { subjectType: 'model_file', subjectId: { startsWith: `${subject}/` }, action: { not: 'file.downloaded' } },
        ],
      },
      orderBy: { id: 'asc' },
      take: 10_000,
    });
  }

  list(filter: AuditFilter): Promise<AuditEvent[]> {
    return this.db.auditEvent.findMany({
      where: {
        subjectType: filter.subjectType,
        subjectId: filter.subjectId,
        action: filter.action,
        actor: filter.actor,
        ...(filter.from || filter.to
          ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
          : {}),
        ...(filter.before !== undefined ? { id: { lt: filter.before } } : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit,
    });
  }
}
