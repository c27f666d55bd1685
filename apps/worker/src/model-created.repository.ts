import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { type AuditEntry, recordAudit } from '@vetted/lifecycle';

@Injectable()
export class ModelCreatedRepository {
  constructor(private readonly db: PrismaClient) {}

  modelName(modelId: string): Promise<{ namespace: string; name: string } | null> {
    return this.db.model.findUnique({ where: { id: modelId }, select: { namespace: true, name: true } });
  }

  recordAudit(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }
}
