import { Injectable } from '@nestjs/common';
import { recordEvent } from '@vetted/lifecycle';
import { DomainError, hasRole } from '@vetted/domain';
import { decodeModelCursor, encodeModelCursor } from './model-cursor.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import type { Transaction } from '../infra/prisma.service.js';
import { QueueService } from '../infra/queue.service.js';
import { Transactions } from '../infra/transactions.js';
import { isUniqueViolation } from '../infra/unique-violation.js';
import { assertKnownLicense } from '../licenses/license-reference.js';
import { LicenseRepository } from '../licenses/license.repository.js';
import { toModelView } from './model.mapper.js';
import { type ModelChanges, ModelRepository, type ModelRow } from './model.repository.js';
import { searchWords } from './model-search.js';
import type { CreateModelBody, ListModelsQuery, ModelView, UpdateModelBody } from './model.schemas.js';

/** Non-publishers only see what has been approved: unapproved models do not exist for them. */
export const seesUnapproved = (principal: Principal): boolean => hasRole(principal.role, 'publisher');

@Injectable()
export class ModelService {
  constructor(
    private readonly transactions: Transactions,
    private readonly models: ModelRepository,
    private readonly licenses: LicenseRepository,
    private readonly audit: AuditRepository,
    private readonly queue: QueueService,
  ) {}

  async list(principal: Principal, query: ListModelsQuery): Promise<Page<ModelView>> {
    const rows = await this.models.search({
      words: searchWords(query.q),
      license: query.license,
      task: query.task,
      tag: query.tag,
      format: query.format,
      commercialUse: query.commercial,
      minParameters: query.minParameters,
      maxParameters: query.maxParameters,
      status: query.status,
      approvedOnly: !seesUnapproved(principal),
      sort: query.sort,
      after: query.cursor ? decodeModelCursor(query.cursor, query.sort) : undefined,
      limit: query.limit + 1,
    });
    return pageFrom(rows, query.limit, toModelView, (row) => encodeModelCursor(row, query.sort));
  }

  async get(principal: Principal, namespace: string, name: string): Promise<ModelView> {
    return toModelView(await this.getRow(principal, namespace, name));
  }

  /** The model as this principal may see it, or model_not_found. */
  async getRow(principal: Principal, namespace: string, name: string): Promise<ModelRow> {
    const row = await this.models.findByName(namespace, name, !seesUnapproved(principal));
    if (!row) throw DomainError.notFound('model_not_found', `No model ${namespace}/${name}`);
    return row;
  }

  async create(principal: Principal, input: CreateModelBody): Promise<ModelView> {
    const id = `${input.namespace}/${input.name}`;
    try {
      await this.transactions.run(async (tx) => {
        await assertKnownLicense(this.licenses, tx, input.license);
        const modelId = await this.models.create(tx, {
          namespace: input.namespace,
          name: input.name,
          displayName: input.displayName ?? null,
          description: input.description,
          task: input.task ?? null,
          library: input.library ?? null,
          licenseId: input.license ?? null,
          tags: input.tags,
          createdBy: principal.actor,
        });
        await this.audit.record(tx, {
          actor: principal.actor,
          action: 'model.created',
          subjectType: 'model',
          subjectId: id,
          data: { modelId },
        });
        await this.queue.send(tx, 'model.created', { modelId, actor: principal.actor });
        await recordEvent(tx, {
          type: 'model.created',
          actor: principal.actor,
          actorName: principal.name,
          subjectType: 'model',
          subjectId: id,
          namespace: input.namespace,
          payload: { model: id, source: 'upload' },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('model_exists', `Model ${id} already exists`);
      throw error;
    }
    return this.get(principal, input.namespace, input.name);
  }

  async update(principal: Principal, namespace: string, name: string, input: UpdateModelBody): Promise<ModelView> {
    const { license, ...rest } = input;
    const changes: ModelChanges = { ...rest, ...(license !== undefined ? { licenseId: license } : {}) };
    await this.change(principal, namespace, name, 'model.updated', changes, async (tx) => assertKnownLicense(this.licenses, tx, license));
    return this.get(principal, namespace, name);
  }

  async setStatus(principal: Principal, namespace: string, name: string, status: 'active' | 'archived'): Promise<ModelView> {
    const row = await this.getRow(principal, namespace, name);
    if (row.status !== status) {
      await this.change(principal, namespace, name, status === 'archived' ? 'model.archived' : 'model.unarchived', { status });
    }
    return this.get(principal, namespace, name);
  }

  private async change(
    principal: Principal,
    namespace: string,
    name: string,
    action: string,
    changes: ModelChanges,
    check?: (tx: Transaction) => Promise<void>,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      const row = await this.models.findByName(namespace, name, false, tx);
      if (!row) throw DomainError.notFound('model_not_found', `No model ${namespace}/${name}`);
      await check?.(tx);
      await this.models.update(tx, row.id, changes);
      await this.audit.record(tx, {
        actor: principal.actor,
        action,
        subjectType: 'model',
        subjectId: `${namespace}/${name}`,
        data: JSON.parse(JSON.stringify({ before: pick(row, Object.keys(changes)), after: changes })) as Record<string, string>,
      });
    });
  }
}

/** The values these fields had, for the audit trail's before/after. */
function pick(row: ModelRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof ModelRow]]));
}
