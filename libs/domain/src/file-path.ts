export const FILE_PATH_MAX_BYTES = 1000;

// Windows refuses these names with any extension ("nul.txt"), and reads the superscript digits as plain ones.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/iu;
// Git's own metadata folder, and its 8.3 short name on NTFS ("git~1"): a client writing the file would
// plant hooks or config that git runs (CVE-2014-9390, CVE-2019-1353). ".gitattributes" is ordinary.
const GIT_FOLDER = /^(\.git|git~\d+)$/i;
const RULES: [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  [/[\u0000-\u001f\u007f-\u009f]/u, 'must not contain control characters'],
  // Bidirectional controls make a name read differently than it is; zero-width characters and the BOM
  // make two different names look the same.
  [/\p{Cf}/u, 'must not contain invisible formatting characters (bidirectional controls, zero-width characters, BOM)'],
  [/[^\P{Z} ]/u, 'must not contain Unicode spaces other than the plain space (e.g. no-break space U+00A0)'],
  [/\p{Cs}/u, 'must not contain unpaired surrogates'],
  [/[\\:*?"<>|]/, 'must not contain "\\", ":" or any of * ? " < > | (not valid in Windows file names)'],
];

export type FilePathCheck = { ok: true; path: string } | { ok: false; problem: string };

/**
 * The rules every stored file path follows, so that no client writing the files to disk (huggingface_hub,
 * git, a browser) can be led outside its target directory, into git's metadata, or into a name clash or
 * look-alike: relative, `/`-separated, NFC-normalised, no `.`/`..`/`.git`/empty segments, no characters
 * Windows refuses, no control, invisible or non-plain space characters, no Windows device names or
 * trailing dots and spaces, at most 1,000 bytes and 255 per segment.
 */
export function checkFilePath(raw: string): FilePathCheck {
  const path = raw.normalize('NFC');
  const fail = (problem: string): FilePathCheck => ({ ok: false, problem });
  if (path.length === 0) return fail('must not be empty');
  if (Buffer.byteLength(path, 'utf8') > FILE_PATH_MAX_BYTES) return fail(`must be at most ${FILE_PATH_MAX_BYTES} bytes`);
  if (path.startsWith('/')) return fail('must be relative (no leading "/")');
  for (const [pattern, problem] of RULES) if (pattern.test(path)) return fail(problem);
  for (const segment of path.split('/')) {
    if (segment === '') return fail('must not contain empty segments ("//" or a trailing "/")');
    if (segment === '.' || segment === '..') return fail('must not contain "." or ".." segments');
    if (Buffer.byteLength(segment, 'utf8') > 255) return fail('must not have a segment over 255 bytes');
    if (/[. ]$/.test(segment)) return fail('must not have a segment ending in "." or a space');
    if (GIT_FOLDER.test(segment)) return fail(`must not have a "${segment}" segment (git's metadata folder)`);
    if (WINDOWS_DEVICE.test(segment)) return fail(`must not use the reserved device name "${segment}"`);
  }
  return { ok: true, path };
}

/** Two paths that are the same file on a case-insensitive filesystem (macOS, Windows). */
export function samePathIgnoringCase(a: string, b: string): boolean {
  return a !== b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
