/** Blobs are stored once per digest, whatever the number of versions and paths that hold them. */
export function blobEntryPath(sha256: string): string {
  return `blobs/sha256/${sha256}`;
}

export function versionDir(model: string, version: string): string {
  return `versions/${model}/${encodeURIComponent(version)}`;
}

export const VERSION_RECORD = 'version.json';
export const VERSION_SIGNATURE = 'model.sig';
