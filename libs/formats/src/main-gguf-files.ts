import { byDepthThenName } from './main-onnx-files.js';

/** llama.cpp's gguf-split names: `<name>-00001-of-00003.gguf`; llama.cpp loads a split model from its first part. */
const LATER_SPLIT_PART = /-(\d{5})-of-\d{5}\.gguf$/i;
/** Vision projectors (llava's `mmproj-*.gguf`) go with a language model; they are not one. */
const PROJECTOR = /(^|\/)[^/]*mmproj[^/]*$/i;

/**
 * The GGUF model worth an automatic benchmark: one per version, the shallowest, then first by name (a repository of
 * many quantizations gets the others on demand); a split model counts once, by its first part.
 */
export function mainGgufFiles(paths: readonly string[]): string[] {
  const models = paths.filter(
    (path) => path.toLowerCase().endsWith('.gguf') && !PROJECTOR.test(path) && Number(LATER_SPLIT_PART.exec(path)?.[1] ?? 1) === 1,
  );
  const first = [...models].sort(byDepthThenName)[0];
  return first ? [first] : [];
}
