export const FILE_PATH_MAX_BYTES = 1000;

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Control characters, and the bidirectional overrides that make a name read differently than it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\:]/u;

export type FilePathCheck = { ok: true; path: string } | { ok: false; problem: string };

/**
 * The rules every stored file path follows, so that no client writing the files to disk (huggingface_hub,
 * git, a browser) can be led outside its target directory or into a name clash: relative, `/`-separated,
 * NFC-normalised, no `.`/`..`/empty segments, no backslash, drive letter, control or bidi characters,
 * no Windows device names or trailing dots and spaces, at most 1,000 bytes and 255 per segment.
 */
export function checkFilePath(raw: string): FilePathCheck {
  const path = raw.normalize('NFC');
  const fail = (problem: string): FilePathCheck => ({ ok: false, problem });
  if (path.length === 0) return fail('must not be empty');
  if (Buffer.byteLength(path, 'utf8') > FILE_PATH_MAX_BYTES) return fail(`must be at most ${FILE_PATH_MAX_BYTES} bytes`);
  if (path.startsWith('/')) return fail('must be relative (no leading "/")');
  if (FORBIDDEN_CHARACTERS.test(path)) return fail('must not contain control characters, bidirectional overrides, "\\" or ":"');
  for (const segment of path.split('/')) {
    if (segment === '') return fail('must not contain empty segments ("//" or a trailing "/")');
    if (segment === '.' || segment === '..') return fail('must not contain "." or ".." segments');
    if (Buffer.byteLength(segment, 'utf8') > 255) return fail('must not have a segment over 255 bytes');
    if (/[. ]$/.test(segment)) return fail('must not have a segment ending in "." or a space');
    if (WINDOWS_DEVICE.test(segment)) return fail(`must not use the reserved device name "${segment}"`);
  }
  return { ok: true, path };
}

/** Two paths that are the same file on a case-insensitive filesystem (macOS, Windows). */
export function samePathIgnoringCase(a: string, b: string): boolean {
  return a !== b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
