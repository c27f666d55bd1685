import type { ModelVersion } from '@vetted/db';
import type { VersionView } from './version.schemas.js';

export function toVersionView(version: ModelVersion): VersionView {
  return {
    version: version.label,
    commitSha: version.commitSha,
    status: version.status,
    license: version.licenseId,
    facts: (version.facts ?? {}) as Record<string, unknown>,
    parameters: version.parameters === null ? null : Number(version.parameters),
    scannedAt: version.scannedAt?.toISOString() ?? null,
    createdBy: version.createdBy,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}
