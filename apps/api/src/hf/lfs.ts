import { createHash } from 'node:crypto';

/**
 * Vetted serves every file the way the Hub serves LFS files: identified by its sha256, with the
 * git blob id of its LFS pointer as `oid`. That keeps one ETag (the sha256) for every file without
 * ever having to hash content a second way.
 */
export function lfsPointer(sha256: string, size: bigint | number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${size.toString()}\n`;
}

/** The git blob sha1 of some content, as `git hash-object` computes it. */
export function gitBlobOid(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A stable 40-hex id for a directory of a commit (the Hub's tree oid; clients only display it). */
export function directoryOid(commitSha: string, path: string): string {
  return createHash('sha1').update(`tree ${commitSha} ${path}`).digest('hex');
}
