/** llama.cpp's gguf-split names: `<stem>-00001-of-00003.gguf`. */
const SPLIT = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

/**
 * What a GGUF run copies into its workspace: the model file and, for the first part of a split model, the other
 * parts beside it under the names llama.cpp derives from the first (`<stem>-0000k-of-0000n.gguf`).
 */
export function ggufModelFiles(file: string): string[] {
  const split = SPLIT.exec(file);
  if (!split) return [file];
  const [, stem, , count] = split;
  return Array.from({ length: Number(count) }, (_, index) => `${stem}-${String(index + 1).padStart(5, '0')}-of-${count}.gguf`);
}
