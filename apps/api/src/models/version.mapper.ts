import type { ModelVersion } from '@vetted/db';
import { storedFacts } from '@vetted/lifecycle';
import type { ActorInfo } from '../auth/actor-directory.js';
import type { VersionView } from './version.schemas.js';

export function toVersionView(version: ModelVersion, actors: ReadonlyMap<string, ActorInfo>): VersionView {
  return {
    version: version.label,
    commitSha: version.commitSha,
    status: version.status,
    license: version.licenseId,
    facts: storedFacts.parse(version.facts),
    parameters: version.parameters === null ? null : Number(version.parameters),
    scannedAt: version.scannedAt?.toISOString() ?? null,
    downloadable: version.status === 'approved' || version.status === 'deprecated',
    statusReason: version.statusReason,
    statusChangedAt: version.statusChangedAt?.toISOString() ?? null,
    statusChangedBy: version.statusChangedBy,
    statusChangedByName: version.statusChangedBy ? (actors.get(version.statusChangedBy)?.name ?? version.statusChangedBy) : null,
    createdBy: version.createdBy,
    createdByName: actors.get(version.createdBy)?.name ?? version.createdBy,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}
