import { ApiError } from '../api/api-error';

/**
 * For a tab signed in with an API key (a session's cookie makes downloads plain links): the key must go
 * in a header, which a plain link cannot send, so fetch the file and hand the bytes to the browser as a
 * download. The bytes pass through memory, so the page offers the command line for large files instead.
 */
export async function downloadFile(url: string, key: string, filename: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw ApiError.fromResponse(response.status, await response.json().catch(() => undefined));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** Above this, the browser would hold too much in memory: a key-signed-in page shows a command to run instead. */
export const BROWSER_DOWNLOAD_LIMIT = 1024 ** 3;
