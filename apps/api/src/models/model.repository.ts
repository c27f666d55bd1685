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
  /** Of the latest approved version, else of the latest scanned one. */
  parameters: bigint | null;
  formats: string[];
  /** The license's commercial-use verdict: yes, conditional, no, unknown. */
  commercialUse: string | null;
  bestLatencyMs: number | null;
  bestTokensPerSecond: number | null;
}

export type ModelSort = 'recent' | 'name' | 'size';

/** Where the previous page ended, in the order being listed. */
export type SortPosition =
  | { sort: 'recent'; createdAt: Date; id: string }
  | { sort: 'name'; namespace: string; name: string }
  | { sort: 'size'; parameters: bigint | null; id: string };

export interface ModelSearch {
  /** Words to prefix-match against name, description and tags. */
  words: string[];
  license?: string | undefined;
  task?: string | undefined;
  tag?: string | undefined;
  format?: string | undefined;
  commercialUse?: string | undefined;
  minParameters?: number | undefined;
  maxParameters?: number | undefined;
  status: ModelStatus;
  /** Viewers only see models with at least one approved (or deprecated) version. */
  approvedOnly: boolean;
  sort: ModelSort;
  after?: SortPosition | undefined;
  limit: number;
}

export type ModelChanges = Partial<Pick<ModelRow, 'displayName' | 'description' | 'task' | 'library' | 'tags' | 'licenseId' | 'status'>>;

/** Facts of versions a viewer may not see must not reach them, not even as a filter or sort key. */
const visibleVersion = (approvedOnly: boolean): Prisma.Sql =>
  approvedOnly ? Prisma.sql`AND v.status IN ('approved', 'deprecated')` : Prisma.empty;

const columns = (approvedOnly: boolean): Prisma.Sql => Prisma.sql`
  m.id, m.namespace, m.name, m.display_name AS "displayName", m.description, m.task, m.library,
  m.license_id AS "licenseId", m.tags, m.source, m.status, m.created_by AS "createdBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt",
  (SELECT v.label FROM model_versions v
    WHERE v.model_id = m.id AND v.status = 'approved'
    ORDER BY v.created_at DESC, v.id DESC LIMIT 1) AS "latestApprovedVersion",
  (SELECT v.parameters FROM model_versions v
    WHERE v.model_id = m.id AND v.parameters IS NOT NULL ${visibleVersion(approvedOnly)}
    ORDER BY v.status = 'approved' DESC, v.created_at DESC LIMIT 1) AS parameters,
  ARRAY(SELECT DISTINCT f.format FROM model_versions v JOIN model_files f ON f.version_id = v.id
    WHERE v.model_id = m.id AND f.format IN ('safetensors', 'onnx', 'gguf', 'pickle', 'npy') ${visibleVersion(approvedOnly)}
    ORDER BY f.format) AS formats,
  (SELECT l.terms->>'commercialUse' FROM licenses l WHERE l.id = m.license_id) AS "commercialUse",
  (SELECT min(b.p50_ms) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
    WHERE v.model_id = m.id AND b.status = 'succeeded' AND b.tokens_per_second IS NULL ${visibleVersion(approvedOnly)}) AS "bestLatencyMs",
  (SELECT max(b.tokens_per_second) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
    WHERE v.model_id = m.id AND b.status = 'succeeded' ${visibleVersion(approvedOnly)}) AS "bestTokensPerSecond"`;

/** ORDER BY of each sort, on the columns of the inner select; every order ends in a unique key. */
const ORDER: Record<ModelSort, Prisma.Sql> = {
  recent: Prisma.sql`r."createdAt" DESC, r.id DESC`,
  name: Prisma.sql`r.namespace ASC, r.name ASC`,
  size: Prisma.sql`r.parameters DESC NULLS LAST, r.id DESC`,
};

function afterPosition(position: SortPosition): Prisma.Sql {
  switch (position.sort) {
    case 'recent':
      return Prisma.sql`(r."createdAt", r.id) < (${position.createdAt}, CAST(${position.id} AS uuid))`;
    case 'name':
      return Prisma.sql`(r.namespace, r.name) > (${position.namespace}, ${position.name})`;
    case 'size':
      return position.parameters === null
        ? Prisma.sql`(r.parameters IS NULL AND r.id < CAST(${position.id} AS uuid))`
        : Prisma.sql`(r.parameters < ${position.parameters} OR (r.parameters = ${position.parameters} AND r.id < CAST(${position.id} AS uuid)) OR r.parameters IS NULL)`;
  }
}

/** A model stays visible once a version was approved: a revoked version is shown, marked, not hidden. */
const HAS_VISIBLE_VERSION = Prisma.sql`EXISTS (SELECT 1 FROM model_versions v
  WHERE v.model_id = m.id AND v.status IN ('approved', 'deprecated', 'revoked'))`;

@Injectable()
export class ModelRepository {
  constructor(private readonly db: PrismaService) {}

  /** Keyset pagination in every sort order: each ends in a unique key, so pages never skip or repeat a row. */
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
        WHERE v.model_id = m.id AND f.format = ${search.format} ${visibleVersion(search.approvedOnly)})`);
    }
    if (search.approvedOnly) conditions.push(HAS_VISIBLE_VERSION);
    const outer: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (search.commercialUse) outer.push(Prisma.sql`r."commercialUse" = ${search.commercialUse}`);
    if (search.minParameters !== undefined) outer.push(Prisma.sql`r.parameters >= ${search.minParameters}`);
    if (search.maxParameters !== undefined) outer.push(Prisma.sql`r.parameters <= ${search.maxParameters}`);
    if (search.after) outer.push(afterPosition(search.after));
    return this.db.$queryRaw<ModelRow[]>`
      SELECT * FROM (SELECT ${columns(search.approvedOnly)} FROM models m WHERE ${Prisma.join(conditions, ' AND ')}) r
      WHERE ${Prisma.join(outer, ' AND ')}
      ORDER BY ${ORDER[search.sort]}
      LIMIT ${search.limit}`;
  }

  async findByName(namespace: string, name: string, approvedOnly = false, tx: Transaction = this.db): Promise<ModelRow | undefined> {
    const rows = await tx.$queryRaw<ModelRow[]>`
      SELECT ${columns(approvedOnly)} FROM models m
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
