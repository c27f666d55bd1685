import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BenchmarkFailure, errorMessage } from './benchmark-failure.js';
import type { ReferenceOptions } from './benchmark-types.js';
import type { HostTensor } from './host-tensor.js';
import { readTensorFile } from './tensor-file.js';

export type ReferenceTensors = { inputs: Map<string, HostTensor>; outputs: Map<string, HostTensor> };

const TEST_DATA_FILE = /^(input|output)_(\d+)\.(pb|npy)$/;

/**
 * Reads reference inputs and outputs: an ONNX test-data folder (`input_0.pb`…, named by the TensorProto's name
 * or else by position among the model's inputs/outputs), then the files named per tensor.
 */
export async function loadReferenceTensors(
  reference: ReferenceOptions,
  inputNames: readonly string[],
  outputNames: readonly string[],
): Promise<ReferenceTensors> {
  const tensors: ReferenceTensors = { inputs: new Map(), outputs: new Map() };
  try {
    if (reference.dir) {
      for (const file of (await readdir(reference.dir)).sort()) {
        const match = TEST_DATA_FILE.exec(file);
        if (!match) continue;
        const [, role, index] = match;
        const names = role === 'input' ? inputNames : outputNames;
        const tensor = await readTensorFile(path.join(reference.dir, file));
        const name = tensor.name && names.includes(tensor.name) ? tensor.name : names[Number(index)];
        if (name === undefined) throw new Error(`${file}: the model has no ${role} ${index}`);
        (role === 'input' ? tensors.inputs : tensors.outputs).set(name, tensor);
      }
    }
    for (const [name, file] of Object.entries(reference.inputs ?? {})) tensors.inputs.set(name, await readTensorFile(file));
    for (const [name, file] of Object.entries(reference.outputs ?? {})) tensors.outputs.set(name, await readTensorFile(file));
  } catch (error) {
    throw new BenchmarkFailure('invalid_options', `reference: ${errorMessage(error)}`);
  }
  const missing = inputNames.filter((name) => !tensors.inputs.has(name));
  if (missing.length) throw new BenchmarkFailure('invalid_options', `reference: no tensor for input ${missing.join(', ')}`);
  const unknown = [
    ...[...tensors.inputs.keys()].filter((name) => !inputNames.includes(name)).map((name) => `input ${name}`),
    ...[...tensors.outputs.keys()].filter((name) => !outputNames.includes(name)).map((name) => `output ${name}`),
  ];
  if (unknown.length) throw new BenchmarkFailure('invalid_options', `reference: the model has no ${unknown.join(', ')}`);
  if (tensors.outputs.size === 0) throw new BenchmarkFailure('invalid_options', 'reference: no output tensors to compare');
  return tensors;
}
