import { Injectable } from '@nestjs/common';
import type { ImportJob } from '@vetted/db';
import type { TimeCursor } from '@vetted/domain';
import { olderThan } from '../http/pagination.js';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export interface NewImport {
  repo: string;
  revision: string;
  namespace: string;
  name: string;
  label: string | null;
  include: string[];
  exclude: string[];
  createdBy: string;
}

@Injectable()
export class ImportRepository {
  constructor(private readonly db: PrismaService) {}

  create(tx: Transaction, data: NewImport): Promise<ImportJob> {
    return tx.importJob.create({ data });
  }

  find(id: string, tx: Transaction = this.db): Promise<ImportJob | null> {
    return tx.importJob.findUnique({ where: { id } });
  }

  /** Newest first, after `after` in (createdAt DESC, id DESC) order. */
  list(after: TimeCursor | undefined, limit: number): Promise<ImportJob[]> {
    return this.db.importJob.findMany({ where: olderThan(after), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  }

  /** Deletes a failed or cancelled import; false when it is in any other state (or gone). */
  async deleteEnded(tx: Transaction, id: string): Promise<boolean> {
    const { count } = await tx.importJob.deleteMany({ where: { id, status: { in: ['failed', 'cancelled'] } } });
    return count > 0;
  }

  /** Cancels an import that is still queued or running; false when it had already ended (or is gone). */
  async cancel(tx: Transaction, id: string): Promise<boolean> {
    const { count } = await tx.importJob.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    return count > 0;
  }
}
