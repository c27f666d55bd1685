import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../infra/prisma.service.js';
import { Transactions } from '../infra/transactions.js';
import { POLICY_ID, PolicyRepository } from './policy.repository.js';
import { DEFAULT_POLICY, type PolicyRules, type PolicyView } from './policy.schemas.js';

/** The organisation's approval rules; reviews apply them, the review queue shows what they block. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly transactions: Transactions,
    private readonly policies: PolicyRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The policy now, or as the caller's transaction sees it. */
  async get(tx?: Transaction): Promise<PolicyView> {
    const row = await this.policies.find(tx);
    return row
      ? { ...DEFAULT_POLICY, ...(row.rules as PolicyRules), updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() }
      : { ...DEFAULT_POLICY, updatedBy: null, updatedAt: null };
  }

  async set(principal: Principal, rules: PolicyRules): Promise<PolicyView> {
    await this.transactions.run(async (tx) => {
      const before = await this.get(tx);
      await this.policies.save(tx, rules, principal.actor);
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
