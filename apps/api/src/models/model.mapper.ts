import type { ModelRow } from './model.repository.js';
import type { ModelView } from './model.schemas.js';

export function toModelView(row: ModelRow): ModelView {
  return {
    id: `${row.namespace}/${row.name}`,
    namespace: row.namespace,
    name: row.name,
    displayName: row.displayName,
    description: row.description,
    task: row.task,
    library: row.library,
    license: row.licenseId,
    tags: row.tags,
    source: row.source,
    status: row.status,
    latestApprovedVersion: row.latestApprovedVersion,
    parameters: row.parameters === null ? null : Number(row.parameters),
    formats: row.formats,
    commercialUse: row.commercialUse,
    bestLatencyMs: row.bestLatencyMs,
    bestTokensPerSecond: row.bestTokensPerSecond,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
