import type { HistoryVersion } from './hf.repository.js';

export interface GitRef {
  name: string;
  ref: string;
  targetCommit: string;
}

export interface HubCommit {
  id: string;
  title: string;
  message: string;
  authors: { user: string }[];
  date: string;
}

/** `/api/models/{repo}/refs`: `main` (the newest approved version) and one tag per downloadable version label. */
export function hubRefs(mainCommit: string, history: readonly HistoryVersion[]): Record<string, GitRef[]> {
  return {
    branches: [{ name: 'main', ref: 'refs/heads/main', targetCommit: mainCommit }],
    converts: [],
    tags: withCommits(history).map((version) => ({
      name: version.label,
      ref: `refs/tags/${version.label}`,
      targetCommit: version.commitSha,
    })),
    pullRequests: [],
  };
}

/** `/api/models/{repo}/commits/{revision}`: one commit per version, from the revision's own back to the oldest, newest first. */
export function hubCommits(revisionLabel: string, history: readonly HistoryVersion[]): HubCommit[] {
  const versions = withCommits(history);
  const start = versions.findIndex((version) => version.label === revisionLabel);
  return versions.slice(Math.max(start, 0)).map((version) => ({
    id: version.commitSha,
    title: version.label,
    message: version.status === 'deprecated' ? `Version ${version.label} (deprecated)` : `Version ${version.label}`,
    authors: [{ user: 'vetted' }],
    date: version.approvedAt.toISOString(),
  }));
}

/** Versions from before commit ids were recorded have no id a client could ask for; they stay out of the history. */
function withCommits(history: readonly HistoryVersion[]): (HistoryVersion & { commitSha: string })[] {
  return history.filter((version): version is HistoryVersion & { commitSha: string } => version.commitSha !== null);
}
