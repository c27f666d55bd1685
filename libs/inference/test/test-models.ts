import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOnnxModel } from '../../../test/onnx-model.js';

/** The small real models the runner's tests load, each exercising one way a model can be shaped or fail. */

export const tempDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'vetted-inference-'));

export async function writeModel(dir: string, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** y = relu(x·W + b) over x [batch, width], with the given weights (row-major W[width, width]). */
export function knownMlp(weights: Float32Array, bias: Float32Array): Buffer {
  const width = bias.length;
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float', shape: ['batch', width] }],
    outputs: [{ name: 'y', type: 'float', shape: ['batch', width] }],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'w'], outputs: ['m'] },
      { op: 'Add', inputs: ['m', 'b'], outputs: ['a'] },
      { op: 'Relu', inputs: ['a'], outputs: ['y'] },
    ],
    initializers: [
      { name: 'w', dims: [width, width], values: weights },
      { name: 'b', dims: [width], values: bias },
    ],
  });
}

/** A 3×3 convolution over images of any size: [batch, 3, height, width] → pooled [batch, 2, 1, 1]. */
export const convNet = (): Buffer =>
  buildOnnxModel({
    inputs: [{ name: 'pixel_values', type: 'float', shape: ['batch', 3, 'height', 'width'] }],
    outputs: [{ name: 'logits', type: 'float', shape: ['batch', 2, 1, 1] }],
    nodes: [
      { op: 'Conv', inputs: ['pixel_values', 'kernel'], outputs: ['c'], attributes: { pads: [1, 1, 1, 1], kernel_shape: [3, 3] } },
      { op: 'Relu', inputs: ['c'], outputs: ['r'] },
      { op: 'GlobalAveragePool', inputs: ['r'], outputs: ['logits'] },
    ],
    initializers: [{ name: 'kernel', dims: [2, 3, 3, 3] }],
  });

/**
 * A transformer-shaped graph: token embeddings gathered by int64 `input_ids` (out-of-vocabulary ids make the
 * runtime fail), averaged, masked by `attention_mask`, pooled to one number per sequence.
 */
export const tinyTextEncoder = (vocab: number): Buffer =>
  buildOnnxModel({
    inputs: [
      { name: 'input_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', type: 'int64', shape: ['batch_size', 'sequence_length'] },
    ],
    outputs: [{ name: 'pooled', type: 'float', shape: ['batch_size'] }],
    nodes: [
      { op: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: ['embedded'] },
      { op: 'ReduceMean', inputs: ['embedded'], outputs: ['per_token'], attributes: { axes: [2], keepdims: 0 } },
      { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask'], attributes: { to: 1 } },
      { op: 'Mul', inputs: ['per_token', 'mask'], outputs: ['masked'] },
      { op: 'ReduceMean', inputs: ['masked'], outputs: ['pooled'], attributes: { axes: [1], keepdims: 0 } },
    ],
    initializers: [{ name: 'embeddings', dims: [vocab, 4] }],
  });

/** y = x · sqrt(sample_rate − 16000): finite only when the int64 scalar `sample_rate` is at least 16000. */
export const sampleRateModel = (): Buffer =>
  buildOnnxModel({
    inputs: [
      { name: 'x', type: 'float', shape: ['batch', 4] },
      { name: 'sample_rate', type: 'int64', shape: [] },
    ],
    outputs: [{ name: 'y', type: 'float', shape: ['batch', 4] }],
    nodes: [
      { op: 'Cast', inputs: ['sample_rate'], outputs: ['rate'], attributes: { to: 1 } },
      { op: 'Sub', inputs: ['rate', 'expected'], outputs: ['excess'] },
      { op: 'Sqrt', inputs: ['excess'], outputs: ['root'] },
      { op: 'Mul', inputs: ['x', 'root'], outputs: ['y'] },
    ],
    initializers: [{ name: 'expected', dims: [], values: new Float32Array([16000]) }],
  });

/** y = log(x): NaN for negative x, −Inf for zero. */
export const logModel = (): Buffer =>
  buildOnnxModel({
    inputs: [{ name: 'x', type: 'float', shape: [4] }],
    outputs: [{ name: 'y', type: 'float', shape: [4] }],
    nodes: [{ op: 'Log', inputs: ['x'], outputs: ['y'] }],
  });

/** An operator ONNX does not define: the runtime refuses the model at load. */
export const unknownOpModel = (): Buffer =>
  buildOnnxModel({
    inputs: [{ name: 'x', type: 'float', shape: [2] }],
    outputs: [{ name: 'y', type: 'float', shape: [2] }],
    nodes: [{ op: 'NoSuchOperator', inputs: ['x'], outputs: ['y'] }],
  });

/** Reshape of x [2, 3] to a target the caller gives: an incompatible target makes the run throw. */
export const reshapeModel = (): Buffer =>
  buildOnnxModel({
    inputs: [
      { name: 'x', type: 'float', shape: [2, 3] },
      { name: 'target', type: 'int64', shape: [2] },
    ],
    outputs: [{ name: 'y', type: 'float', shape: ['a', 'b'] }],
    nodes: [{ op: 'Reshape', inputs: ['x', 'target'], outputs: ['y'] }],
  });

/** A float tensor of a caller-given shape, filled with zeros: as much memory as asked for. */
export const allocatingModel = (): Buffer =>
  buildOnnxModel({
    inputs: [{ name: 'shape', type: 'int64', shape: [1] }],
    outputs: [{ name: 'filled', type: 'float', shape: ['n'] }],
    nodes: [{ op: 'ConstantOfShape', inputs: ['shape'], outputs: ['filled'] }],
  });
