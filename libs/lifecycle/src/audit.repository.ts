import type { Prisma } from '@vetted/db';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Prisma.InputJsonValue;
}

/** Recorded in the same transaction as the change it describes (the table is append-only). */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}
