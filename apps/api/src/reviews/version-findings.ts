import type { VersionSnapshot } from './version-snapshot.js';

export interface LocatedFinding {
  path: string;
  severity: 'info' | 'warning' | 'critical';
  code: string;
  message: string;
}

/** Every finding of a version: each file's scan findings, then the model card's, worst first within a file. */
export function findingsOf(snapshot: VersionSnapshot): LocatedFinding[] {
  return [
    ...snapshot.files.flatMap((file) => file.findings.map((finding) => ({ path: file.path, ...finding }))),
    ...(snapshot.card?.findings ?? []).map((finding) => ({ path: 'README.md', ...finding })),
  ];
}

export function bySeverity(findings: LocatedFinding[]): Record<LocatedFinding['severity'], LocatedFinding[]> {
  return {
    critical: findings.filter((finding) => finding.severity === 'critical'),
    warning: findings.filter((finding) => finding.severity === 'warning'),
    info: findings.filter((finding) => finding.severity === 'info'),
  };
}
