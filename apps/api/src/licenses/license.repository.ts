import { Injectable } from '@nestjs/common';
import type { License, Prisma } from '@vetted/db';
import { DomainError } from '@vetted/domain';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export type LicenseChanges = Partial<Pick<License, 'name' | 'spdxId' | 'url' | 'sourceUrl' | 'reviewedAt'>> & {
  terms?: Prisma.InputJsonValue;
};

@Injectable()
export class LicenseRepository {
  constructor(private readonly db: PrismaService) {}

  list(): Promise<License[]> {
    return this.db.license.findMany({ orderBy: { id: 'asc' } });
  }

  find(id: string, tx: Transaction = this.db): Promise<License | null> {
    return tx.license.findUnique({ where: { id } });
  }

  /** The license, or license_not_found. */
  async require(id: string, tx: Transaction = this.db): Promise<License> {
    const license = await this.find(id, tx);
    if (!license) throw DomainError.notFound('license_not_found', `No license ${id} in the catalog`);
    return license;
  }

  update(tx: Transaction, id: string, changes: LicenseChanges): Promise<License> {
    return tx.license.update({ where: { id }, data: changes });
  }
}
