import picomatch from 'picomatch';

/** include/exclude globs as `huggingface_hub` takes them (allow_patterns / ignore_patterns). */
export function fileFilter(include: readonly string[], exclude: readonly string[]): (path: string) => boolean {
  const included = include.length > 0 ? picomatch([...include], { dot: true }) : () => true;
  const excluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  return (path) => included(path) && !excluded(path);
}
