import { encodeOnnxModel, OnnxType } from '../../../test/onnx-model.js';

/** AttributeProto.AttributeType numbers. */
const Attribute = { TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7 } as const;

const tensorValue = (name: string, dims: number[], type: keyof typeof OnnxType, raw: Buffer) => ({
  name,
  dims,
  data_type: OnnxType[type],
  raw_data: raw,
});
const floats = (count: number) => Buffer.from(new Float32Array(count).map((_, i) => i / 10).buffer);
const info = (name: string, type: keyof typeof OnnxType, dims: number[]) => ({
  name,
  type: { tensor_type: { elem_type: OnnxType[type], shape: { dim: dims.map((dim_value) => ({ dim_value })) } } },
});
const constant = (output: string, attribute: Record<string, unknown>) => ({
  name: output,
  op_type: 'Constant',
  input: [],
  output: [output],
  attribute: [attribute],
});

/**
 * A model whose weights are all `Constant` nodes, as exporters such as PaddlePaddle's write them (PP-OCR's text
 * detector has no initializers at all): y = If(cond, (x·W + b) + k, reshape(x·W + b, shape)), x [1, 4].
 * W [4, 4] and b (value_floats, 4) and cond (a bool scalar) in the main graph; k [4] in then_branch, shape
 * (value_ints, 2) in else_branch. 16 + 4 + 1 + 4 + 2 = 27 values: 24 float32, 1 bool, 2 int64.
 */
export function constantWeightsModel(): Buffer {
  const thenBranch = {
    name: 'then',
    node: [
      constant('k', { name: 'value', type: Attribute.TENSOR, t: tensorValue('k', [4], 'float', floats(4)) }),
      { name: 'add_k', op_type: 'Add', input: ['a', 'k'], output: ['then_y'] },
    ],
    output: [info('then_y', 'float', [1, 4])],
  };
  const elseBranch = {
    name: 'else',
    node: [
      constant('shape', { name: 'value_ints', type: Attribute.INTS, ints: [1, 4] }),
      { name: 'reshape', op_type: 'Reshape', input: ['a', 'shape'], output: ['else_y'] },
    ],
    output: [info('else_y', 'float', [1, 4])],
  };
  return encodeOnnxModel({
    ir_version: 8,
    producer_name: 'vetted-tests',
    producer_version: '1',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'constant-weights',
      node: [
        constant('W', { name: 'value', type: Attribute.TENSOR, t: tensorValue('W', [4, 4], 'float', floats(16)) }),
        { name: 'matmul', op_type: 'MatMul', input: ['x', 'W'], output: ['m'] },
        constant('b', { name: 'value_floats', type: Attribute.FLOATS, floats: [0.1, 0.2, 0.3, 0.4] }),
        { name: 'add_b', op_type: 'Add', input: ['m', 'b'], output: ['a'] },
        constant('cond', { name: 'value', type: Attribute.TENSOR, t: tensorValue('cond', [], 'bool', Buffer.from([1])) }),
        {
          name: 'if',
          op_type: 'If',
          input: ['cond'],
          output: ['y'],
          attribute: [
            { name: 'then_branch', type: Attribute.GRAPH, g: thenBranch },
            { name: 'else_branch', type: Attribute.GRAPH, g: elseBranch },
          ],
        },
      ],
      input: [info('x', 'float', [1, 4])],
      output: [info('y', 'float', [1, 4])],
    },
  });
}
