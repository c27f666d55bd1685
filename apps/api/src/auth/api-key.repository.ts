import { Injectable } from '@nestjs/common';
import type { ApiKey, Role } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: PrismaService) {}

  findByHash(hash: string): Promise<ApiKey | null> {
    return this.db.apiKey.findUnique({ where: { hash } });
  }

  async touch(id: string): Promise<void> {
    await this.db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
  }

  create(tx: Transaction, data: { name: string; role: Role; hash: string; prefix: string; createdBy: string }): Promise<ApiKey> {
    return tx.apiKey.create({ data });
  }

  list(): Promise<ApiKey[]> {
    return this.db.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  find(tx: Transaction, id: string): Promise<ApiKey | null> {
    return tx.apiKey.findUnique({ where: { id } });
  }

  revoke(tx: Transaction, id: string): Promise<ApiKey> {
    return tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  }
}
