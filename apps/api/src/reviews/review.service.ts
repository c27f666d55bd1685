import { Injectable } from '@nestjs/common';
import type { ModelVersion, Review } from '@vetted/db';
import { DomainError, hasRole } from '@vetted/domain';
import { allowedFrom, changeVersionStatus, parseStoredRunResult } from '@vetted/lifecycle';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory, type ActorInfo } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../infra/prisma.service.js';
import { Transactions } from '../infra/transactions.js';
import type { ModelRow } from '../models/model.repository.js';
import { policyBlockers, PolicyService } from '../policy/policy.service.js';
import { subjectOf, type VersionRef } from '../models/version-ref.js';
import { VersionRepository } from '../models/version.repository.js';
import { VersionService } from '../models/version.service.js';
import { VersionSigner } from '../signing/version-signer.js';
import type { VersionView } from '../models/version.schemas.js';
import { countScanStatuses } from '../scans/scan-status.js';
import { originEvidence } from '../bundles/origin-evidence.js';
import { EvidenceRepository } from './evidence.repository.js';
import { ReviewRepository } from './review.repository.js';
import type { CreateReviewBody, Evidence, QueueItem, ReviewView } from './review.schemas.js';
import { diffVersions } from './version-diff.js';
import { bySeverity, findingsOf } from './version-findings.js';
import { cardLicense, type VersionSnapshot } from './version-snapshot.js';

const QUEUE_LIMIT = 100;

/**
 * "Approved" is the registry's product: a named reviewer who had no hand in the bytes decided, on
 * recorded evidence, about exactly these files (the manifest commit sha is in the evidence; any change
 * would be another version).
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly transactions: Transactions,
    private readonly reviews: ReviewRepository,
    private readonly versions: VersionRepository,
    private readonly versionService: VersionService,
    private readonly audit: AuditRepository,
    private readonly policy: PolicyService,
    private readonly evidenceRows: EvidenceRepository,
    private readonly actors: ActorDirectory,
    private readonly signer: VersionSigner,
  ) {}

  async review(principal: Principal, ref: VersionRef, input: CreateReviewBody): Promise<ReviewView> {
    const { model, version } = await this.versionService.findRow(principal, ref);
    const review = await this.transactions.run(async (tx) => {
      await this.lockStatus(tx, version.id, ['pending_review'], 'version_not_pending', 'reviewed');
      const evidence = await this.evidence(model, version, tx);
      const decision = input.decision === 'approve' ? 'approved' : 'rejected';
      const overrides = decision === 'approved' ? this.overridesNeeded(principal, evidence, input) : [];
      const overrideReason = overrides.length > 0 ? (input.overrideReason ?? null) : null;
      const created = await this.reviews.create(tx, {
        versionId: version.id,
        reviewer: principal.actor,
        decision,
        comment: input.comment,
        evidence,
        overrideReason,
      });
      const decided = await changeVersionStatus(tx, {
        versionId: version.id,
        subject: ref,
        to: decision,
        reason: input.comment,
        actor: principal.actor,
        actorName: principal.name,
        audit: {
          data: { reviewId: created.id, commitSha: evidence.manifest.commitSha, ...(overrideReason ? { overrideReason, overrides } : {}) },
        },
        event: (changed) => ({
          type: decision === 'approved' ? 'version.approved' : 'version.rejected',
          actor: principal.actor,
          actorName: principal.name,
          subjectType: 'model_version',
          subjectId: subjectOf(ref),
          namespace: ref.namespace,
          payload: { model: `${ref.namespace}/${ref.name}`, version: ref.version, commitSha: changed.commitSha, comment: input.comment },
        }),
      });
      if (decision === 'approved') {
        await this.signer.approval(tx, ref, decided.version, { licenseId: evidence.license.id, reviewer: principal.actor });
      }
      return created;
    });
    return toReviewView(review, ref.version, { name: principal.name, role: principal.role });
  }

  async list(principal: Principal, ref: VersionRef): Promise<ReviewView[]> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const reviews = await this.reviews.list(version.id);
    const names = await this.actors.describe(reviews.map((review) => review.reviewer));
    return reviews.map((review) => toReviewView(review, ref.version, names.get(review.reviewer)!));
  }

  async setLifecycle(principal: Principal, ref: VersionRef, status: 'deprecated' | 'revoked', reason: string): Promise<VersionView> {
    const { version } = await this.versionService.findRow(principal, ref);
    const updated = await this.transactions.run(async (tx) => {
      const before = await this.lockStatus(tx, version.id, allowedFrom(status), 'invalid_transition', status);
      const { version: changed } = await changeVersionStatus(tx, {
        versionId: version.id,
        subject: ref,
        to: status,
        reason,
        actor: principal.actor,
        actorName: principal.name,
        audit: { data: { reason, before } },
        event: () => ({
          type: status === 'deprecated' ? 'version.deprecated' : 'version.revoked',
          actor: principal.actor,
          actorName: principal.name,
          subjectType: 'model_version',
          subjectId: subjectOf(ref),
          namespace: ref.namespace,
          payload: { model: `${ref.namespace}/${ref.name}`, version: ref.version, reason },
        }),
      });
      await this.signer.statusChange(tx, ref, changed, { status, reason, actor: principal.actor });
      return changed;
    });
    return this.versionService.view(updated);
  }

  /** Versions waiting for a decision, oldest first, with what a reviewer needs to decide. */
  async queue(): Promise<QueueItem[]> {
    const pending = await this.reviews.pendingVersions(QUEUE_LIMIT);
    const items: QueueItem[] = [];
    for (const version of pending) {
      const publishedBy = await this.versions.ownerOf(version);
      items.push({
        model: `${version.model.namespace}/${version.model.name}`,
        version: version.label,
        publishedBy,
        publishedByName: (await this.actors.describeOne(publishedBy)).name,
        submittedAt: version.updatedAt.toISOString(),
        evidence: await this.evidence(version.model, version),
      });
    }
    return items;
  }

  private async lockStatus(
    tx: Transaction,
    versionId: string,
    allowed: readonly ModelVersion['status'][],
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
   * What an approval would override, or why it is refused. Nobody who created the version, changed its
   * files or submitted it may approve it; only an admin, with a recorded reason, may override that or a
   * scan that found something critical (or could not finish).
   */
  private overridesNeeded(principal: Principal, evidence: Evidence, input: CreateReviewBody): string[] {
    const refused = (reasons: string) =>
      new DomainError('conflict', 'approval_blocked', `Approval refused: ${reasons}`, [], undefined, {
        blockers: evidence.blockers,
        findings: evidence.criticalFindings,
      });
    const hardBlockers = evidence.blockers.filter((blocker) => !evidence.overridable.includes(blocker));
    if (hardBlockers.length > 0) throw refused(hardBlockers.join('; '));
    const mayOverride = hasRole(principal.role, 'admin') && Boolean(input.overrideReason);
    const overrides: string[] = [];
    const ownPart = evidence.contributors?.find((contributor) => contributor.actor === principal.actor);
    if (ownPart) {
      if (!mayOverride) {
        throw new DomainError(
          'forbidden',
          'self_approval',
          `A reviewer cannot approve a version they ${ownPart.actions.join(', ')} (admins may, with overrideReason)`,
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

  private async evidence(model: Pick<ModelRow, 'licenseId'>, version: ModelVersion, tx?: Transaction): Promise<Evidence> {
    const licenseId = version.licenseId ?? model.licenseId;
    const license = licenseId ? await this.evidenceRows.license(licenseId, tx) : null;
    const terms = (license?.terms ?? {}) as { commercialUse?: string; summary?: string };
    const head = await this.evidenceRows.snapshot(version, licenseId, tx);
    const previous = await this.versions.previousApproved(version, tx);
    const base = previous ? await this.evidenceRows.snapshot(previous, previous.licenseId ?? model.licenseId, tx) : undefined;
    const scan = countScanStatuses(head.files.map((file) => file.scanStatus));
    const criticalFindings = head.files.flatMap((f) =>
      f.scanStatus === 'critical' || f.scanStatus === 'error' ? [{ path: f.path, status: f.scanStatus, findings: f.findings }] : [],
    );
    const commercialUse = terms.commercialUse ?? 'unknown';
    const succeeded = head.runs.filter((run) => run.status === 'succeeded');
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
      ...policyBlockers(await this.policy.get(tx), { id: licenseId, commercialUse }, succeeded.length),
    ];
    return {
      license: { id: licenseId, commercialUse, summary: terms.summary ?? null },
      card: head.card
        ? { source: head.card.source, license: cardLicense(head.card), findings: findingsOf({ ...head, files: [] }) }
        : undefined,
      scan,
      criticalFindings,
      findings: bySeverity(findingsOf(head)),
      manifest: { commitSha: version.commitSha, files: head.files.length, bytes: head.files.reduce((sum, f) => sum + f.size, 0) },
      contributors: await this.contributors(version, tx),
      benchmarks: succeeded.map((run) => run.id),
      benchmarkRuns: runEvidence(head, await this.actors.describe(head.runs.map((run) => run.requestedBy))),
      diff: base ? diffVersions(base, head) : null,
      origin: await this.originOf(version, tx),
      blockers,
      overridable,
    };
  }

  /** For a version carried from another site: what that site found, beside this site's own scan and benchmarks. */
  private async originOf(version: ModelVersion, tx?: Transaction): Promise<Evidence['origin']> {
    const origin = await this.evidenceRows.origin(version.id, tx);
    return origin ? originEvidence(origin) : null;
  }

  /** Everyone with a hand in the bytes; for an import, the person who started it stands for the import. */
  private async contributors(version: ModelVersion, tx?: Transaction): Promise<NonNullable<Evidence['contributors']>> {
    const rows = await this.versions.contributors(version.id, tx);
    const byActor = new Map<string, string[]>();
    const owner = await this.versions.ownerOf(version, tx);
    if (owner !== version.createdBy) byActor.set(owner, ['imported']);
    for (const row of rows) byActor.set(row.actor, [...(byActor.get(row.actor) ?? []), row.action]);
    const names = await this.actors.describe(byActor.keys());
    return [...byActor].map(([actor, actions]) => ({ actor, ...names.get(actor)!, actions: [...new Set(actions)] }));
  }
}

function runEvidence(snapshot: VersionSnapshot, names: ReadonlyMap<string, ActorInfo>): NonNullable<Evidence['benchmarkRuns']> {
  return snapshot.runs.map((run) => {
    const result = parseStoredRunResult(run.result);
    return {
      id: run.id,
      file: run.file,
      status: run.status,
      requestedBy: run.requestedBy,
      requestedByName: names.get(run.requestedBy)!.name,
      executionProvider: run.executionProvider,
      hardware: run.hardware,
      p50Ms: run.p50Ms,
      reference: result.reference ?? null,
      findings: result.findings ?? [],
      inputs: result.settings?.inputs ?? null,
      error: run.error,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    };
  });
}

function toReviewView(review: Review, label: string, reviewer: ActorInfo): ReviewView {
  return {
    id: review.id,
    version: label,
    reviewer: review.reviewer,
    reviewerName: reviewer.name,
    reviewerRole: reviewer.role,
    decision: review.decision,
    comment: review.comment,
    overrideReason: review.overrideReason,
    evidence: review.evidence as Evidence,
    createdAt: review.createdAt.toISOString(),
  };
}
