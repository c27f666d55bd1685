/** A version's file on the native API; each path segment encoded on its own, slashes kept. */
export function fileUrl(origin: string, repo: string, version: string, path: string): string {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  return `${origin}/v1/models/${repo}/versions/${encodeURIComponent(version)}/files/${encodedPath}`;
}
