import type { VersionRecord } from '@vetted/bundles';
import type { ExportedVersionRow } from './export.repository.js';

/** What a bundle carries of a version: the manifest and the evidence the exporting site approved it on. */
export function toVersionRecord(row: ExportedVersionRow): VersionRecord {
  const license = row.license ?? row.model.license;
  return {
    model: `${row.model.namespace}/${row.model.name}`,
    version: row.label,
    commitSha: row.commitSha,
    modelInfo: {
      displayName: row.model.displayName,
      description: row.model.description,
      task: row.model.task,
      library: row.model.library,
      tags: row.model.tags,
    },
    license: license ? { id: license.id, name: license.name, spdxId: license.spdxId, url: license.url, terms: license.terms } : null,
    card: row.card,
    facts: row.facts,
    approvedBy: row.statusChangedBy,
    approvedAt: row.statusChangedAt?.toISOString() ?? null,
    files: row.files.map((file) => ({
      path: file.path,
      size: Number(file.size),
      sha256: file.sha256,
      format: file.format,
      scanStatus: file.scanStatus,
      scanFindings: file.scanFindings,
      facts: file.facts,
    })),
    reviews: row.reviews.map((review) => ({
      reviewer: review.reviewer,
      decision: review.decision,
      comment: review.comment,
      evidence: review.evidence,
      createdAt: review.createdAt.toISOString(),
    })),
    benchmarks: row.benchmarks.map((run) => ({
      file: run.file,
      status: run.status,
      settings: run.settings,
      result: run.result,
      executionProvider: run.executionProvider,
      hardware: run.hardware,
      p50Ms: run.p50Ms,
      tokensPerSecond: run.tokensPerSecond,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
  };
}
