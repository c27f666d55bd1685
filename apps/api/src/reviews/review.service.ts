import { Injectable } from '@nestjs/common';
import type { ModelVersion, Prisma, Review } from '@vetted/db';
import { DomainError, hasRole } from '@vetted/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import type { ModelRow } from '../models/model.repository.js';
import { policyBlockers, PolicyService } from '../policy/policy.service.js';
import type { VersionRef } from '../models/version-ref.js';
import { VersionRepository } from '../models/version.repository.js';
import { VersionService } from '../models/version.service.js';
import { toVersionView } from '../models/version.mapper.js';
import { countScanStatuses } from '../scans/scan-status.js';
import type { VersionView } from '../models/version.schemas.js';
import type { CreateReviewBody, Evidence, QueueItem, ReviewView } from './review.schemas.js';

const QUEUE_LIMIT = 100;

/** Later states: deprecated stays downloadable (flagged); revoked is gone everywhere, /hf included. */
const LIFECYCLE: Record<'deprecated' | 'revoked', ModelVersion['status'][]> = {
  deprecated: ['approved'],
  revoked: ['approved', 'deprecated'],
};

/**
 * "Approved" is the registry's product: a named reviewer decided, on recorded evidence, about exactly
 * these files (the manifest commit sha is in the evidence; any change would be another version).
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly db: PrismaService,
    private readonly versions: VersionRepository,
    private readonly versionService: VersionService,
    private readonly audit: AuditRepository,
    private readonly policy: PolicyService,
  ) {}

  async review(principal: Principal, ref: VersionRef, input: CreateReviewBody): Promise<ReviewView> {
    const { model, version } = await this.versionService.findRow(principal, ref);
    const review = await this.db.$transaction(async (tx) => {
      await this.lockStatus(tx, version.id, ['pending_review'], 'version_not_pending', 'reviewed');
      const evidence = await this.evidence(tx, model, version);
      const decision = input.decision === 'approve' ? 'approved' : 'rejected';
      const overrides = decision === 'approved' ? await this.overridesNeeded(tx, principal, version, evidence, input) : [];
      const overrideReason = overrides.length > 0 ? (input.overrideReason ?? null) : null;
      const created = await tx.review.create({
        data: {
          versionId: version.id,
          reviewer: principal.actor,
          decision,
          comment: input.comment,
          evidence: evidence as Prisma.InputJsonValue,
          overrideReason,
        },
      });
      await tx.modelVersion.update({ where: { id: version.id }, data: { status: decision } });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: `version.${decision}`,
        subjectType: 'model_version',
        subjectId: subjectOf(ref),
        data: { reviewId: created.id, commitSha: evidence.manifest.commitSha, ...(overrideReason ? { overrideReason, overrides } : {}) },
      });
      return created;
    });
    return toReviewView(review, ref.version);
  }

  async list(principal: Principal, ref: VersionRef): Promise<ReviewView[]> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const reviews = await this.db.review.findMany({ where: { versionId: version.id }, orderBy: { createdAt: 'asc' } });
    return reviews.map((review) => toReviewView(review, ref.version));
  }

  async setLifecycle(principal: Principal, ref: VersionRef, status: 'deprecated' | 'revoked', reason: string): Promise<VersionView> {
    const { version } = await this.versionService.findRow(principal, ref);
    const updated = await this.db.$transaction(async (tx) => {
      const before = await this.lockStatus(tx, version.id, LIFECYCLE[status], 'invalid_transition', status);
      const changed = await tx.modelVersion.update({ where: { id: version.id }, data: { status } });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: `version.${status}`,
        subjectType: 'model_version',
        subjectId: subjectOf(ref),
        data: { reason, before },
      });
      return changed;
    });
    return toVersionView(updated);
  }

  /** Versions waiting for a decision, oldest first, with what a reviewer needs to decide. */
  async queue(): Promise<QueueItem[]> {
    const pending = await this.db.modelVersion.findMany({
      where: { status: 'pending_review' },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIMIT,
      include: { model: { select: { namespace: true, name: true, licenseId: true } } },
    });
    const items: QueueItem[] = [];
    for (const version of pending) {
      items.push({
        model: `${version.model.namespace}/${version.model.name}`,
        version: version.label,
        publishedBy: await this.publisherOf(this.db, version),
        submittedAt: version.updatedAt.toISOString(),
        evidence: await this.evidence(this.db, version.model, version),
      });
    }
    return items;
  }

  private async lockStatus(
    tx: Transaction,
    versionId: string,
    allowed: ModelVersion['status'][],
    code: string,
    what: string,
  ): Promise<string> {
    const status = await this.versions.lockStatus(tx, versionId);
    if (!status || !allowed.includes(status)) {
      throw DomainError.conflict(code, `A version that is ${status ?? 'gone'} cannot be ${what} (allowed from: ${allowed.join(', ')})`);
    }
    return status;
  }

  /**
   * What an approval would override, or why it is refused. Only an admin, with a recorded reason, may
   * approve their own version or one whose scan found something critical (or could not finish).
   */
  private async overridesNeeded(
    tx: Transaction,
    principal: Principal,
    version: ModelVersion,
    evidence: Evidence,
    input: CreateReviewBody,
  ): Promise<string[]> {
    const refused = (reasons: string) =>
      new DomainError('conflict', 'approval_blocked', `Approval refused: ${reasons}`, [], undefined, {
        blockers: evidence.blockers,
        findings: evidence.criticalFindings,
      });
    const hardBlockers = evidence.blockers.filter((blocker) => !evidence.overridable.includes(blocker));
    if (hardBlockers.length > 0) throw refused(hardBlockers.join('; '));
    const mayOverride = hasRole(principal.role, 'admin') && Boolean(input.overrideReason);
    const overrides: string[] = [];
    if ((await this.publisherOf(tx, version)) === principal.actor) {
      if (!mayOverride) {
        throw new DomainError(
          'forbidden',
          'self_approval',
          'A reviewer cannot approve a version they published (admins may, with overrideReason)',
        );
      }
      overrides.push('self_approval');
    }
    if (evidence.overridable.length > 0) {
      if (!mayOverride) throw refused(`${evidence.overridable.join('; ')} (an admin may approve anyway with overrideReason)`);
      overrides.push('scan_findings');
    }
    return overrides;
  }

  /** Who published a version: its creator, or for an import the person who started the import. */
  private async publisherOf(db: Transaction, version: ModelVersion): Promise<string> {
    const importId = version.createdBy.match(/^import:(.+)$/)?.[1];
    if (!importId) return version.createdBy;
    const job = await db.importJob.findUnique({ where: { id: importId }, select: { createdBy: true } });
    return job?.createdBy ?? version.createdBy;
  }

  private async evidence(db: Transaction, model: Pick<ModelRow, 'licenseId'>, version: ModelVersion): Promise<Evidence> {
    const licenseId = version.licenseId ?? model.licenseId;
    const license = licenseId ? await db.license.findUnique({ where: { id: licenseId } }) : null;
    const terms = (license?.terms ?? {}) as { commercialUse?: string; summary?: string };
    const files = await db.modelFile.findMany({
      where: { versionId: version.id },
      select: { path: true, size: true, scanStatus: true, scanFindings: true },
    });
    const scan = countScanStatuses(files.map((file) => file.scanStatus));
    const criticalFindings = files.flatMap((f) =>
      f.scanStatus === 'critical' || f.scanStatus === 'error' ? [{ path: f.path, status: f.scanStatus, findings: f.scanFindings }] : [],
    );
    const commercialUse = terms.commercialUse ?? 'unknown';
    const benchmarks = await db.benchmarkRun.findMany({
      where: { versionId: version.id, status: 'succeeded' },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    const overridable = criticalFindings.map((f) =>
      f.status === 'critical' ? `critical scan finding in ${f.path}` : `scan of ${f.path} failed`,
    );
    const blockers = [
      ...(!licenseId
        ? ['no license declared']
        : commercialUse === 'unknown'
          ? [`license "${licenseId}" is unknown: its terms need review`]
          : []),
      // A backed-up scan queue must never make an unscanned file look safe: nobody can override this one.
      ...(scan.pending > 0 ? [`${scan.pending} file(s) not scanned yet`] : []),
      ...overridable,
      ...policyBlockers(await this.policy.get(db), { id: licenseId, commercialUse }, benchmarks.length),
    ];
    return {
      license: { id: licenseId, commercialUse, summary: terms.summary ?? null },
      scan,
      criticalFindings,
      manifest: { commitSha: version.commitSha, files: files.length, bytes: files.reduce((sum, f) => sum + Number(f.size), 0) },
      benchmarks: benchmarks.map((run) => run.id),
      blockers,
      overridable,
    };
  }
}

const subjectOf = (ref: VersionRef): string => `${ref.namespace}/${ref.name}@${ref.version}`;

function toReviewView(review: Review, label: string): ReviewView {
  return {
    id: review.id,
    version: label,
    reviewer: review.reviewer,
    decision: review.decision,
    comment: review.comment,
    overrideReason: review.overrideReason,
    evidence: review.evidence as Evidence,
    createdAt: review.createdAt.toISOString(),
  };
}
