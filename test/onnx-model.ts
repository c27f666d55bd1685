import protobuf from 'protobufjs';

/**
 * Builds real ONNX files for the tests: the fields of onnx.proto the tests need, with ONNX's own field
 * numbers, encoded by protobufjs. onnxruntime loads what this writes, which is the proof it is ONNX.
 */
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message StringStringEntryProto { string key = 1; string value = 2; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  repeated int64 int64_data = 7 [packed = true];
  string name = 8;
  bytes raw_data = 9;
  repeated StringStringEntryProto external_data = 13;
  int32 data_location = 14;
}
message AttributeProto {
  string name = 1;
  int32 type = 20;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  TensorProto t = 5;
  GraphProto g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  string domain = 7;
  repeated AttributeProto attribute = 5;
}
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message ModelProto {
  int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  string producer_name = 2;
  string producer_version = 3;
  GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

const root = protobuf.parse(ONNX_PROTO, { keepCase: true }).root;
const ModelProto = root.lookupType('onnx.ModelProto');

/** ONNX TensorProto.DataType numbers. */
export const OnnxType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7, bool: 9, float16: 10 } as const;
export type OnnxTypeName = keyof typeof OnnxType;

/** A dimension: a number is fixed, a string is symbolic (e.g. 'batch'). */
export type Dim = number | string;

export interface OnnxValue {
  name: string;
  type: OnnxTypeName;
  shape: Dim[];
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  attributes?: Record<string, number | number[] | string>;
}

export interface OnnxInitializer {
  name: string;
  dims: number[];
  type?: OnnxTypeName;
  /** float32 values, stored as raw_data. */
  values?: Float32Array;
  /** Stored outside the model file instead of raw_data. */
  external?: Record<string, string>;
}

export interface OnnxModelSpec {
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  nodes: OnnxNode[];
  initializers?: OnnxInitializer[];
  opset?: number;
  /** Extra operator sets, e.g. a custom domain. */
  opsets?: { domain: string; version: number }[];
  irVersion?: number;
  producer?: string;
}

const valueInfo = (value: OnnxValue) => ({
  name: value.name,
  type: {
    tensor_type: {
      elem_type: OnnxType[value.type],
      shape: { dim: value.shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
    },
  },
});

function attribute(name: string, value: number | number[] | string) {
  if (typeof value === 'string') return { name, type: 3, s: Buffer.from(value) };
  if (Array.isArray(value)) return { name, type: 7, ints: value };
  return Number.isInteger(value) ? { name, type: 2, i: value } : { name, type: 1, f: value };
}

function initializer(init: OnnxInitializer) {
  const base = { name: init.name, dims: init.dims, data_type: OnnxType[init.type ?? 'float'] };
  if (init.external) {
    return { ...base, data_location: 1, external_data: Object.entries(init.external).map(([key, value]) => ({ key, value })) };
  }
  const values = init.values ?? new Float32Array(init.dims.reduce((a, b) => a * b, 1)).map(() => Math.random() - 0.5);
  return { ...base, raw_data: Buffer.from(values.buffer, values.byteOffset, values.byteLength) };
}

export function buildOnnxModel(spec: OnnxModelSpec): Buffer {
  const message = ModelProto.fromObject({
    ir_version: spec.irVersion ?? 8,
    producer_name: spec.producer ?? 'vetted-tests',
    producer_version: '1',
    opset_import: [{ domain: '', version: spec.opset ?? 17 }, ...(spec.opsets ?? [])],
    graph: {
      name: 'test',
      node: spec.nodes.map((node, index) => ({
        name: `n${index}`,
        op_type: node.op,
        domain: node.domain ?? '',
        input: node.inputs,
        output: node.outputs,
        attribute: Object.entries(node.attributes ?? {}).map(([name, value]) => attribute(name, value)),
      })),
      initializer: (spec.initializers ?? []).map(initializer),
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  });
  return Buffer.from(ModelProto.encode(message).finish());
}

/**
 * Encodes a ModelProto written as a plain object with onnx.proto's field names (`graph.node[].attribute[].t`,
 * `.g`…), for graphs the builder has no option for: Constant nodes, If branches.
 */
export function encodeOnnxModel(model: Record<string, unknown>): Buffer {
  return Buffer.from(ModelProto.encode(ModelProto.fromObject(model)).finish());
}

/** `layers` × (MatMul width×width + Add + Relu) over input `x` [batch, width]: the GPU guide's probe model. */
export function mlpModel(width: number, layers: number, batch: Dim = 'batch'): Buffer {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxInitializer[] = [];
  let previous = 'x';
  for (let layer = 0; layer < layers; layer += 1) {
    initializers.push({ name: `w${layer}`, dims: [width, width] }, { name: `b${layer}`, dims: [width] });
    nodes.push(
      { op: 'MatMul', inputs: [previous, `w${layer}`], outputs: [`m${layer}`] },
      { op: 'Add', inputs: [`m${layer}`, `b${layer}`], outputs: [`a${layer}`] },
      { op: 'Relu', inputs: [`a${layer}`], outputs: [layer === layers - 1 ? 'y' : `r${layer}`] },
    );
    previous = `r${layer}`;
  }
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float', shape: [batch, width] }],
    outputs: [{ name: 'y', type: 'float', shape: [batch, width] }],
    nodes,
    initializers,
  });
}

/**
 * A text detector's shape (PP-OCR's `x: float32 [?, 3, ?, ?]`): sigmoid(3×3 Conv) over `x` [batch, 3, height,
 * width] → one probability per pixel `y` [batch, 1, height, width]. Unnamed dimensions by default ('' is how
 * onnxruntime reports a dimension without a name); pass names to name them.
 */
export function imageDetectorModel(batch: Dim = '', height: Dim = '', width: Dim = ''): Buffer {
  return buildOnnxModel({
    inputs: [{ name: 'x', type: 'float', shape: [batch, 3, height, width] }],
    outputs: [{ name: 'y', type: 'float', shape: [batch, 1, height, width] }],
    nodes: [
      { op: 'Conv', inputs: ['x', 'kernel'], outputs: ['c'], attributes: { pads: [1, 1, 1, 1], kernel_shape: [3, 3] } },
      { op: 'Sigmoid', inputs: ['c'], outputs: ['y'] },
    ],
    initializers: [{ name: 'kernel', dims: [1, 3, 3, 3] }],
  });
}

const TensorProto = root.lookupType('onnx.TensorProto');

/** A serialised ONNX TensorProto, as ONNX test data stores `input_0.pb`: values in raw_data, or in the typed field. */
export function tensorProtoBytes(tensor: {
  name?: string;
  dims: number[];
  type: 'float' | 'int64';
  values: number[];
  raw?: boolean;
}): Buffer {
  const base = { name: tensor.name ?? '', dims: tensor.dims, data_type: OnnxType[tensor.type] };
  const typed = tensor.type === 'float' ? new Float32Array(tensor.values) : BigInt64Array.from(tensor.values, (value) => BigInt(value));
  const data = tensor.raw
    ? { raw_data: Buffer.from(typed.buffer) }
    : tensor.type === 'float'
      ? { float_data: tensor.values }
      : { int64_data: tensor.values };
  return Buffer.from(TensorProto.encode(TensorProto.fromObject({ ...base, ...data })).finish());
}

/** `y = x + trips` through a Loop of `trips` iterations of one Add: a tiny valid model that runs as long as asked. */
export function loopModel(trips: number): Buffer {
  const body = {
    name: 'body',
    node: [
      { name: 'keep', op_type: 'Identity', input: ['cond_in'], output: ['cond_out'] },
      { name: 'step', op_type: 'Add', input: ['v_in', 'one'], output: ['v_out'] },
    ],
    initializer: [initializer({ name: 'one', dims: [1], values: new Float32Array([1]) })],
    input: [
      valueInfo({ name: 'i', type: 'int64', shape: [] }),
      valueInfo({ name: 'cond_in', type: 'bool', shape: [] }),
      valueInfo({ name: 'v_in', type: 'float', shape: [1] }),
    ],
    output: [valueInfo({ name: 'cond_out', type: 'bool', shape: [] }), valueInfo({ name: 'v_out', type: 'float', shape: [1] })],
  };
  const message = ModelProto.fromObject({
    ir_version: 8,
    producer_name: 'vetted-tests',
    producer_version: '1',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'loop',
      node: [
        {
          name: 'trips',
          op_type: 'Constant',
          input: [],
          output: ['M'],
          attribute: [{ name: 'value', type: 4, t: { dims: [], data_type: OnnxType.int64, int64_data: [trips] } }],
        },
        { name: 'loop', op_type: 'Loop', input: ['M', '', 'x'], output: ['y'], attribute: [{ name: 'body', type: 5, g: body }] },
      ],
      input: [valueInfo({ name: 'x', type: 'float', shape: [1] })],
      output: [valueInfo({ name: 'y', type: 'float', shape: [1] })],
    },
  });
  return Buffer.from(ModelProto.encode(message).finish());
}

/**
 * PP-OCR's text detector as PaddlePaddle exports it: no initializers at all, every weight a `Constant` node,
 * over `x: float32 [?, 3, ?, ?]`. sigmoid(Conv1×1(relu(Conv3×3(x, W1, B1)), W2)): W1 [4,3,3,3] = 108,
 * B1 [4] = 4, W2 [1,4,1,1] = 4 → 116 parameters.
 */
export function constantDetectorModel(): Buffer {
  const weights = (name: string, dims: number[]) => {
    const count = dims.reduce((a, b) => a * b, 1);
    const values = new Float32Array(count).map((_, i) => ((i % 7) - 3) / 10);
    return {
      name: `const_${name}`,
      op_type: 'Constant',
      input: [],
      output: [name],
      attribute: [{ name: 'value', type: 4, t: { name, dims, data_type: OnnxType.float, raw_data: Buffer.from(values.buffer) } }],
    };
  };
  const dims = (shape: Dim[]) => ({ dim: shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) });
  return encodeOnnxModel({
    ir_version: 8,
    producer_name: 'PaddlePaddle',
    producer_version: '2.6',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'det',
      node: [
        weights('W1', [4, 3, 3, 3]),
        weights('B1', [4]),
        weights('W2', [1, 4, 1, 1]),
        {
          name: 'conv1',
          op_type: 'Conv',
          input: ['x', 'W1', 'B1'],
          output: ['c1'],
          attribute: [{ name: 'pads', type: 7, ints: [1, 1, 1, 1] }],
        },
        { name: 'relu', op_type: 'Relu', input: ['c1'], output: ['r1'] },
        { name: 'conv2', op_type: 'Conv', input: ['r1', 'W2'], output: ['c2'] },
        { name: 'sigmoid', op_type: 'Sigmoid', input: ['c2'], output: ['y'] },
      ],
      input: [{ name: 'x', type: { tensor_type: { elem_type: OnnxType.float, shape: dims(['', 3, '', '']) } } }],
      output: [{ name: 'y', type: { tensor_type: { elem_type: OnnxType.float, shape: dims(['', 1, '', '']) } } }],
    },
  });
}
