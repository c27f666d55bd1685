import { Injectable } from '@nestjs/common';
import type { Prisma } from '@vetted/db';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import { DEFAULT_POLICY, type PolicyRules, type PolicyView } from './policy.schemas.js';

const POLICY_ID = 'default';

/** The organisation's approval rules; reviews apply them, the review queue shows what they block. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly db: PrismaService,
    private readonly audit: AuditRepository,
  ) {}

  async get(db: Transaction = this.db): Promise<PolicyView> {
    const row = await db.policy.findUnique({ where: { id: POLICY_ID } });
    return row
      ? { ...DEFAULT_POLICY, ...(row.rules as PolicyRules), updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() }
      : { ...DEFAULT_POLICY, updatedBy: null, updatedAt: null };
  }

  async set(principal: Principal, rules: PolicyRules): Promise<PolicyView> {
    await this.db.$transaction(async (tx) => {
      const before = await this.get(tx);
      const json = rules as unknown as Prisma.InputJsonValue;
      await tx.policy.upsert({
        where: { id: POLICY_ID },
        create: { id: POLICY_ID, rules: json, updatedBy: principal.actor },
        update: { rules: json, updatedBy: principal.actor },
      });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'policy.updated',
        subjectType: 'policy',
        subjectId: POLICY_ID,
        data: { before: rulesOf(before), after: rules },
      });
    });
    return this.get();
  }
}

/** What the policy refuses for a version with this license and these benchmark results. */
export function policyBlockers(
  policy: PolicyRules,
  license: { id: string | null; commercialUse: string },
  successfulBenchmarks: number,
): string[] {
  const blockers: string[] = [];
  if (license.id && policy.blockedLicenses.includes(license.id)) blockers.push(`policy blocks the license "${license.id}"`);
  if (policy.allowedLicenses.length > 0 && (!license.id || !policy.allowedLicenses.includes(license.id))) {
    blockers.push(`policy allows only ${policy.allowedLicenses.join(', ')}`);
  }
  if (policy.noNonCommercial && license.commercialUse === 'no') blockers.push('policy refuses non-commercial licenses');
  if (policy.benchmarkRequired && successfulBenchmarks === 0) blockers.push('policy requires a successful benchmark');
  return blockers;
}

function rulesOf(view: PolicyView): PolicyRules {
  const { updatedBy: _by, updatedAt: _at, ...rules } = view;
  return rules;
}
