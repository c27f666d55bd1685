/** Git pushes to the Hub store files from 10 MB up as LFS objects (and the Hub refuses larger plain files). */
const HUB_LFS_THRESHOLD_BYTES = 10 * 1000 * 1000;

/** Weight and binary extensions the Hub's default `.gitattributes` routes to LFS whatever their size. */
const LFS_EXTENSIONS = new Set([
  '7z',
  'arrow',
  'bin',
  'bz2',
  'ckpt',
  'ftz',
  'gguf',
  'gz',
  'h5',
  'joblib',
  'mlmodel',
  'model',
  'msgpack',
  'npy',
  'npz',
  'onnx',
  'ot',
  'parquet',
  'pb',
  'pickle',
  'pkl',
  'pt',
  'pth',
  'rar',
  'safetensors',
  'tar',
  'tflite',
  'tgz',
  'wasm',
  'xz',
  'zip',
  'zst',
]);

/**
 * Whether `/raw/` serves a file's content, as the Hub does for files kept in git: small and not a
 * weight or binary format. Everything else is an LFS object there, and `/raw/` answers its pointer.
 */
export function rawServesContent(path: string, size: number): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return size < HUB_LFS_THRESHOLD_BYTES && !LFS_EXTENSIONS.has(extension);
}
