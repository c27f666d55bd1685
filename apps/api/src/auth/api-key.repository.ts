import { Injectable } from '@nestjs/common';
import type { ApiKey, Role, User } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

type Owner = Pick<User, 'id' | 'name' | 'email' | 'role'>;
/** A key with the person it belongs to (personal keys only). */
export type KeyWithOwner = ApiKey & { owner: Owner | null };

const withOwner = { owner: { select: { id: true, name: true, email: true, role: true } } } as const;

export interface NewApiKey {
  name: string;
  role: Role;
  hash: string;
  prefix: string;
  createdBy: string;
  ownerId?: string;
  expiresAt?: Date;
}

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: PrismaService) {}

  findByHash(hash: string): Promise<KeyWithOwner | null> {
    return this.db.apiKey.findUnique({ where: { hash }, include: withOwner });
  }

  async touch(id: string): Promise<void> {
    await this.db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
  }

  create(tx: Transaction, data: NewApiKey): Promise<KeyWithOwner> {
    return tx.apiKey.create({ data, include: withOwner });
  }

  list(): Promise<KeyWithOwner[]> {
    return this.db.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: withOwner });
  }

  listOwnedBy(ownerId: string): Promise<KeyWithOwner[]> {
    return this.db.apiKey.findMany({ where: { ownerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: withOwner });
  }

  find(tx: Transaction, id: string): Promise<ApiKey | null> {
    return tx.apiKey.findUnique({ where: { id } });
  }

  revoke(tx: Transaction, id: string): Promise<ApiKey> {
    return tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  }
}
