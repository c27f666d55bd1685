import { createHash } from 'node:crypto';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: bigint | number;
}

/**
 * A version's 40-hex commit id, derived from exactly what it contains: any change to a path, a
 * digest or a size gives another id. Same shape as a Hub commit sha, so Hub clients can pin it.
 */
export function manifestCommitSha(entries: readonly ManifestEntry[]): string {
  const lines = entries.map((e) => `${e.path}\t${e.sha256}\t${e.size.toString()}\n`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha1').update('vetted-manifest-v1\n').update(lines.join('')).digest('hex');
}
