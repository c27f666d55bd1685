/** The format of a weight or repository file, from its name: what the inspectors key on. */
export type FileFormat = 'safetensors' | 'onnx' | 'gguf' | 'pickle' | 'npy' | 'json' | 'text' | 'other';

const BY_EXTENSION: Record<string, FileFormat> = {
  safetensors: 'safetensors',
  onnx: 'onnx',
  gguf: 'gguf',
  bin: 'pickle',
  pt: 'pickle',
  pth: 'pickle',
  ckpt: 'pickle',
  pkl: 'pickle',
  pickle: 'pickle',
  joblib: 'pickle',
  // An .npz is a zip of .npy arrays: read like a torch zip, its arrays checked for pickled objects.
  npz: 'pickle',
  npy: 'npy',
  json: 'json',
  md: 'text',
  txt: 'text',
};

export function fileFormat(path: string): FileFormat {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_EXTENSION[name.slice(dot + 1)]) || 'other';
}
