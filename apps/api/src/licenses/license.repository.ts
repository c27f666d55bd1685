import { Injectable } from '@nestjs/common';
import type { License } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

@Injectable()
export class LicenseRepository {
  constructor(private readonly db: PrismaService) {}

  list(): Promise<License[]> {
    return this.db.license.findMany({ orderBy: { id: 'asc' } });
  }

  find(id: string, tx: Transaction = this.db): Promise<License | null> {
    return tx.license.findUnique({ where: { id } });
  }
}
