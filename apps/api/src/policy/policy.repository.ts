import { Injectable } from '@nestjs/common';
import type { Policy, Prisma } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import type { PolicyRules } from './policy.schemas.js';

/** The organisation has one policy row; none means the defaults. */
export const POLICY_ID = 'default';

@Injectable()
export class PolicyRepository {
  constructor(private readonly db: PrismaService) {}

  find(db: Transaction = this.db): Promise<Policy | null> {
    return db.policy.findUnique({ where: { id: POLICY_ID } });
  }

  async save(tx: Transaction, rules: PolicyRules, actor: string): Promise<void> {
    const json = rules as Prisma.InputJsonValue;
    await tx.policy.upsert({
      where: { id: POLICY_ID },
      create: { id: POLICY_ID, rules: json, updatedBy: actor },
      update: { rules: json, updatedBy: actor },
    });
  }
}
