import { Injectable } from '@nestjs/common';
import { type ModelStatus, Prisma } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

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
}

export interface ModelSearch {
  /** Words to prefix-match against name, description and tags. */
  words: string[];
  license?: string | undefined;
  task?: string | undefined;
  tag?: string | undefined;
  format?: string | undefined;
  status: ModelStatus;
  /** Viewers only see models with at least one approved (or deprecated) version. */
  approvedOnly: boolean;
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

export type ModelChanges = Partial<Pick<ModelRow, 'displayName' | 'description' | 'task' | 'library' | 'tags' | 'licenseId' | 'status'>>;

const COLUMNS = Prisma.sql`
  m.id, m.namespace, m.name, m.display_name AS "displayName", m.description, m.task, m.library,
  m.license_id AS "licenseId", m.tags, m.source, m.status, m.created_by AS "createdBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt",
  (SELECT v.label FROM model_versions v
    WHERE v.model_id = m.id AND v.status = 'approved'
    ORDER BY v.created_at DESC LIMIT 1) AS "latestApprovedVersion"`;

const HAS_VISIBLE_VERSION = Prisma.sql`EXISTS (SELECT 1 FROM model_versions v
  WHERE v.model_id = m.id AND v.status IN ('approved', 'deprecated'))`;

@Injectable()
export class ModelRepository {
  constructor(private readonly db: PrismaService) {}

  /** Newest first; (created_at, id) is unique, so keyset pagination never skips or repeats a row. */
  search(search: ModelSearch): Promise<ModelRow[]> {
    const conditions: Prisma.Sql[] = [Prisma.sql`m.status = CAST(${search.status} AS "ModelStatus")`];
    if (search.words.length > 0) {
      const query = search.words.map((word) => `${word}:*`).join(' & ');
      conditions.push(Prisma.sql`m.search_vector @@ to_tsquery('simple', ${query})`);
    }
    if (search.license) conditions.push(Prisma.sql`m.license_id = ${search.license}`);
    if (search.task) conditions.push(Prisma.sql`m.task = ${search.task}`);
    if (search.tag) conditions.push(Prisma.sql`m.tags @> ARRAY[${search.tag}]::text[]`);
    if (search.format) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM model_versions v JOIN model_files f ON f.version_id = v.id
        WHERE v.model_id = m.id AND f.format = ${search.format})`);
    }
    if (search.approvedOnly) conditions.push(HAS_VISIBLE_VERSION);
    if (search.after) {
      conditions.push(Prisma.sql`(m.created_at, m.id) < (${search.after.createdAt}, CAST(${search.after.id} AS uuid))`);
    }
    return this.db.$queryRaw<ModelRow[]>`
      SELECT ${COLUMNS} FROM models m
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${search.limit}`;
  }

  async findByName(namespace: string, name: string, approvedOnly = false, tx: Transaction = this.db): Promise<ModelRow | undefined> {
    const rows = await tx.$queryRaw<ModelRow[]>`
      SELECT ${COLUMNS} FROM models m
      WHERE m.namespace = ${namespace} AND m.name = ${name}
        ${approvedOnly ? Prisma.sql`AND ${HAS_VISIBLE_VERSION}` : Prisma.empty}`;
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
