import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostTensor } from './host-tensor.js';
import { encodeNpy, parseNpy } from './npy.js';
import { parseTensorProto } from './tensor-proto.js';

/** Reference tensors are read whole; this bounds one file. */
export const MAX_TENSOR_FILE_BYTES = 512 * 1024 * 1024;

/** A tensor from a `.npy` file or an ONNX `TensorProto` (`.pb`), by extension; `name` is the TensorProto's own. */
export async function readTensorFile(file: string, maxBytes = MAX_TENSOR_FILE_BYTES): Promise<HostTensor & { name?: string }> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.npy' && extension !== '.pb') throw new Error(`${file}: expected a .npy or .pb file`);
  const { size } = await stat(file);
  if (size > maxBytes) throw new Error(`${file} is ${size} bytes, over the ${maxBytes}-byte limit for reference tensors`);
  const bytes = await readFile(file);
  try {
    return extension === '.npy' ? parseNpy(bytes) : parseTensorProto(bytes);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function writeNpyFile(file: string, tensor: HostTensor): Promise<void> {
  await writeFile(file, encodeNpy(tensor));
}
