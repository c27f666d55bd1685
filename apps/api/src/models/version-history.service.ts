import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import { VersionHistoryRepository } from './version-history.repository.js';
import type { HistoryEvent } from './version-history.schemas.js';
import { subjectOf, type VersionRef } from './version-ref.js';
import { VersionService } from './version.service.js';

type Draft = Omit<HistoryEvent, 'actorName' | 'actorRole'>;

/**
 * A version's life as people need to read it: the audit trail of the version and its files (downloads
 * left out), the benchmark runs as they finished, review comments and lifecycle reasons, with names.
 */
@Injectable()
export class VersionHistoryService {
  constructor(
    private readonly history: VersionHistoryRepository,
    private readonly versions: VersionService,
    private readonly audit: AuditRepository,
    private readonly actors: ActorDirectory,
  ) {}

  async list(principal: Principal, ref: VersionRef): Promise<HistoryEvent[]> {
    const { version } = await this.versions.findVisible(principal, ref);
    const subject = subjectOf(ref);
    // A label can be reused after a draft is deleted: events of the earlier version are not this one's.
    const events = await this.audit.ofVersion(subject, version.createdAt);
    const reviews = await this.history.reviewComments(version.id);
    const runs = await this.history.finishedRuns(version.id);
    const drafts: Draft[] = [
      ...events.map((event): Draft => {
        const data = (event.data ?? {}) as Record<string, unknown>;
        const reviewId = typeof data.reviewId === 'string' ? data.reviewId : undefined;
        const reason = typeof data.reason === 'string' ? data.reason : undefined;
        return {
          at: event.at.toISOString(),
          action: event.action,
          actor: event.actor,
          path: event.subjectType === 'model_file' ? event.subjectId.slice(subject.length + 1) : null,
          comment: (reviewId ? reviews.get(reviewId) : undefined) ?? reason ?? null,
          data,
        };
      }),
      ...runs.map((run): Draft => ({
        at: run.finishedAt.toISOString(),
        action: `benchmark.${run.status}`,
        actor: 'worker',
        path: run.file,
        comment: null,
        data: { runId: run.id, p50Ms: run.p50Ms, executionProvider: run.executionProvider, hardware: run.hardware, error: run.error },
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const names = await this.actors.describe(drafts.map((event) => event.actor));
    return drafts.map((event) => {
      const actor = names.get(event.actor)!;
      return { ...event, actorName: actor.name, actorRole: actor.role };
    });
  }
}
