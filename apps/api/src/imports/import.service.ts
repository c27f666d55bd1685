import { Injectable } from '@nestjs/common';
import type { ImportJob } from '@vetted/db';
import { decodeTimeCursor, DomainError, encodeTimeCursor, hasRole } from '@vetted/domain';
import { storedImportFiles } from '@vetted/lifecycle';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory, type ActorInfo } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import { QueueService } from '../infra/queue.service.js';
import { Transactions } from '../infra/transactions.js';
import { importFailureKind } from './import-failure.js';
import { ImportRepository } from './import.repository.js';
import type { CreateImportBody, ImportView } from './import.schemas.js';

@Injectable()
export class ImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly imports: ImportRepository,
    private readonly audit: AuditRepository,
    private readonly queue: QueueService,
    private readonly actors: ActorDirectory,
  ) {}

  /** Records the import and queues it in one transaction; the worker does the rest. */
  async create(principal: Principal, input: CreateImportBody): Promise<ImportView> {
    const [hubNamespace, hubName] = input.repo.split('/') as [string, string];
    const job = await this.transactions.run(async (tx) => {
      const created = await this.imports.create(tx, {
        repo: input.repo,
        revision: input.revision,
        namespace: input.namespace ?? hubNamespace,
        name: input.name ?? hubName,
        label: input.version ?? null,
        include: input.include,
        exclude: input.exclude,
        createdBy: principal.actor,
      });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'import.created',
        subjectType: 'import',
        subjectId: created.id,
        data: { repo: input.repo, revision: input.revision },
      });
      await this.queue.send(tx, 'import.run', { importId: created.id });
      return created;
    });
    return toImportView(job, { name: principal.name, role: principal.role });
  }

  async get(id: string): Promise<ImportView> {
    const job = await this.imports.find(id);
    if (!job) throw DomainError.notFound('import_not_found', `No import ${id}`);
    return toImportView(job, await this.actors.describeOne(job.createdBy));
  }

  async list(page: { cursor?: string | undefined; limit: number }): Promise<Page<ImportView>> {
    const after = page.cursor ? decodeTimeCursor(page.cursor) : undefined;
    const rows = await this.imports.list(after, page.limit + 1);
    const names = await this.actors.describe(rows.map((row) => row.createdBy));
    return pageFrom(rows, page.limit, (row) => toImportView(row, names.get(row.createdBy)!), encodeTimeCursor);
  }

  /**
   * Removes a failed or cancelled import from the list (the audit trail keeps it): its starter or an admin.
   * Imports still running are cancelled first; succeeded ones stay, as the record of where a version came from.
   */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const job = await this.imports.find(id, tx);
      if (!job) throw DomainError.notFound('import_not_found', `No import ${id}`);
      if (job.createdBy !== principal.actor && !hasRole(principal.role, 'admin')) {
        throw new DomainError('forbidden', 'not_import_owner', `Only whoever started import ${id}, or an admin, may remove it`);
      }
      if (!(await this.imports.deleteEnded(tx, id))) {
        throw DomainError.conflict(
          'import_not_removable',
          `Import ${id} is ${job.status}: only failed or cancelled imports can be removed`,
        );
      }
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'import.removed',
        subjectType: 'import',
        subjectId: id,
        data: { repo: job.repo, status: job.status },
      });
    });
  }

  /** The worker notices between chunks and stops, removing the draft it was filling. */
  async cancel(principal: Principal, id: string): Promise<ImportView> {
    const job = await this.transactions.run(async (tx) => {
      const cancelled = await this.imports.cancel(tx, id);
      const current = await this.imports.find(id, tx);
      if (!current) throw DomainError.notFound('import_not_found', `No import ${id}`);
      if (!cancelled) throw DomainError.conflict('import_finished', `Import ${id} is already ${current.status}`);
      await this.audit.record(tx, { actor: principal.actor, action: 'import.cancelled', subjectType: 'import', subjectId: id });
      return current;
    });
    return toImportView(job, await this.actors.describeOne(job.createdBy));
  }
}

export function toImportView(job: ImportJob, creator: ActorInfo): ImportView {
  return {
    id: job.id,
    repo: job.repo,
    revision: job.revision,
    commitSha: job.commitSha,
    namespace: job.namespace,
    name: job.name,
    version: job.label,
    include: job.include,
    exclude: job.exclude,
    status: job.status,
    bytesDone: Number(job.bytesDone),
    bytesTotal: job.bytesTotal === null ? null : Number(job.bytesTotal),
    files: storedImportFiles.parse(job.files),
    error: job.error,
    errorKind: importFailureKind(job),
    createdBy: job.createdBy,
    createdByName: creator.name,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
