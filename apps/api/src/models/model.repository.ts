import { Injectable } from '@nestjs/common';
import { type ModelStatus, queryRows } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import { catalogPageQuery, modelByNameQuery } from './catalog-query.repository.js';
import type { ModelSearch } from './model-search.js';

/** A model as the catalog shows it; the facts of its versions come from summary columns refreshed when a change commits. */
export interface ModelRow {
  id: string;
  namespace: string;
  name: string;
  displayName: string | null;
  description: string;
  task: string | null;
  library: string | null;
  licenseId: string | null;
  tags: string[];
  source: string;
  status: ModelStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  latestApprovedVersion: string | null;
  /** Of the latest approved version, else of the latest scanned one. */
  parameters: bigint | null;
  formats: string[];
  /** The license's commercial-use verdict: yes, conditional, no, unknown. */
  commercialUse: string | null;
  bestLatencyMs: number | null;
  bestTokensPerSecond: number | null;
}

export type ModelChanges = Partial<Pick<ModelRow, 'displayName' | 'description' | 'task' | 'library' | 'tags' | 'licenseId' | 'status'>>;

@Injectable()
export class ModelRepository {
  constructor(private readonly db: PrismaService) {}

  /** Keyset pagination in every sort order: each ends in a unique key, so pages never skip or repeat a row. */
  search(search: ModelSearch): Promise<ModelRow[]> {
    return queryRows<ModelRow>(this.db.pool, catalogPageQuery(search));
  }

  /** In `tx` when given, else straight on the pool: the catalog's most frequent read. */
  async findByName(namespace: string, name: string, approvedOnly = false, tx?: Transaction): Promise<ModelRow | undefined> {
    const query = modelByNameQuery(namespace, name, approvedOnly);
    const rows = tx ? await tx.$queryRaw<ModelRow[]>(query) : await queryRows<ModelRow>(this.db.pool, query);
    return rows[0];
  }

  async create(
    tx: Transaction,
    data: Pick<ModelRow, 'namespace' | 'name' | 'displayName' | 'description' | 'task' | 'library' | 'licenseId' | 'tags' | 'createdBy'>,
  ): Promise<string> {
    const created = await tx.model.create({ data, select: { id: true } });
    return created.id;
  }

  async update(tx: Transaction, id: string, changes: ModelChanges): Promise<void> {
    await tx.model.update({ where: { id }, data: changes });
  }
}
