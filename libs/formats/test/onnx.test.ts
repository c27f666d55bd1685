import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { buildOnnxModel, loopModel, mlpModel, type OnnxInitializer } from '../../../test/onnx-model.js';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { constantWeightsModel } from './onnx-constant-model.js';
import { formatErrorOf } from './test-helpers.js';
import { checkOnnxExternalData } from '../src/onnx-external-data.js';
import { inspectOnnx } from '../src/onnx.js';

const inspect = (bytes: Buffer) => inspectOnnx(bufferSource(bytes));

/** Protobuf fields written with protobufjs's own encoder, for what the model builder has no option for. */
const wire = {
  message: (field: number, ...parts: Uint8Array[]) =>
    Buffer.from(
      protobuf.Writer.create()
        .uint32((field << 3) | 2)
        .bytes(Buffer.concat(parts))
        .finish(),
    ),
  string: (field: number, value: string) =>
    Buffer.from(
      protobuf.Writer.create()
        .uint32((field << 3) | 2)
        .string(value)
        .finish(),
    ),
  int64: (field: number, value: number) =>
    Buffer.from(
      protobuf.Writer.create()
        .uint32(field << 3)
        .int64(value)
        .finish(),
    ),
};
const node = (op: string, domain: string, ...more: Uint8Array[]) => wire.message(1, wire.string(4, op), wire.string(7, domain), ...more);

const identity = (inputs: { name: string; type: 'float' | 'int64'; shape: (number | string)[] }[], initializers: OnnxInitializer[] = []) =>
  buildOnnxModel({
    inputs,
    outputs: inputs.map((input) => ({ ...input, name: `${input.name}_out` })),
    nodes: inputs.map((input) => ({ op: 'Identity', inputs: [input.name], outputs: [`${input.name}_out`] })),
    initializers,
  });

describe('inspectOnnx', () => {
  it('reads the facts of an MLP without its weights', async () => {
    const { facts, findings } = await inspect(mlpModel(8, 2));
    expect(findings).toEqual([]);
    expect(facts).toEqual({
      irVersion: 8,
      opsets: [{ domain: '', version: 17 }],
      producer: { name: 'vetted-tests', version: '1' },
      inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 8] }],
      outputs: [{ name: 'y', dtype: 'float32', shape: ['batch', 8] }],
      initializerCount: 4,
      sparseInitializerCount: 0,
      tensorCount: 4,
      parameters: 2 * (8 * 8 + 8),
      parametersByDtype: { float32: 144 },
      bytesByDtype: { float32: 576 },
      nodeCount: 6,
      customDomains: [],
      externalData: [],
    });
  });

  it('reads int64 inputs with symbolic and fixed dims', async () => {
    const { facts } = await inspect(identity([{ name: 'ids', type: 'int64', shape: ['batch', 'sequence', 3] }]));
    expect(facts.inputs).toEqual([{ name: 'ids', dtype: 'int64', shape: ['batch', 'sequence', 3] }]);
  });

  it('warns about operators from a custom domain', async () => {
    const model = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [2] }],
      outputs: [{ name: 'y', type: 'float', shape: [2] }],
      nodes: [
        { op: 'Relu', inputs: ['x'], outputs: ['r'] },
        { op: 'FastGelu', inputs: ['r'], outputs: ['g'], domain: 'com.microsoft' },
        { op: 'Secret', inputs: ['g'], outputs: ['y'], domain: 'com.example.ops' },
      ],
      opsets: [
        { domain: 'com.example.ops', version: 1 },
        { domain: 'com.microsoft', version: 1 },
      ],
    });
    const { facts, findings } = await inspect(model);
    expect(facts.customDomains).toEqual(['com.example.ops']);
    expect(facts.opsets.map((o) => o.domain)).toEqual(['', 'com.example.ops', 'com.microsoft']);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'onnx_custom_op_domain',
        evidence: { domain: 'com.example.ops', ops: ['Secret'] },
      }),
      expect.objectContaining({
        severity: 'info',
        code: 'onnx_vendor_op_domain',
        evidence: { domain: 'com.microsoft', ops: ['FastGelu'] },
      }),
    ]);
  });

  it('finds custom operators inside subgraphs and merges a repeated graph field', async () => {
    // A second `graph` field merges into the first (protobuf semantics): its If node hides a custom op in then_branch.
    const subgraph = wire.message(6, node('Hidden', 'evil.ops'));
    const ifNode = node('If', '', wire.message(5, wire.string(1, 'then_branch'), wire.int64(20, 5), subgraph));
    const model = Buffer.concat([mlpModel(4, 1), wire.message(7, ifNode)]);
    const { facts, findings } = await inspect(model);
    expect(facts.nodeCount).toBe(4);
    expect(facts.customDomains).toEqual(['evil.ops']);
    expect(findings.map((f) => f.code)).toEqual(['onnx_custom_op_domain']);
  });

  it('does not flag operators the model defines itself as functions', async () => {
    const model = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [2] }],
      outputs: [{ name: 'y', type: 'float', shape: [2] }],
      nodes: [{ op: 'MyRelu', inputs: ['x'], outputs: ['y'], domain: 'local.fn' }],
      opsets: [{ domain: 'local.fn', version: 1 }],
    });
    const body = wire.message(7, wire.string(4, 'Relu'));
    const fn = wire.message(25, wire.string(1, 'MyRelu'), wire.string(10, 'local.fn'), body);
    expect((await inspect(Buffer.concat([model, fn]))).facts.customDomains).toEqual([]);
    expect((await inspect(model)).facts.customDomains).toEqual(['local.fn']);
  });

  it('lists external data references with their entries as written', async () => {
    const model = identity(
      [{ name: 'x', type: 'float', shape: [4] }],
      [{ name: 'w', dims: [8, 8], external: { location: 'weights.bin', offset: '0', length: '256', evil: 'x' } }],
    );
    const { facts } = await inspect(model);
    expect(facts.externalData).toEqual([
      {
        tensor: 'w',
        dtype: 'float32',
        dims: [8, 8],
        expectedBytes: 256,
        entries: [
          { key: 'location', value: 'weights.bin' },
          { key: 'offset', value: '0' },
          { key: 'length', value: '256' },
          { key: 'evil', value: 'x' },
        ],
      },
    ]);
    expect(facts.parameters).toBe(64);
  });

  it('finds external data in Constant node attributes', async () => {
    const tensor = wire.message(
      5,
      wire.int64(1, 4),
      wire.int64(2, 1),
      wire.string(8, 'c'),
      wire.message(13, wire.string(1, 'location'), wire.string(2, '/etc/passwd')),
      wire.int64(14, 1),
    );
    const constant = node('Constant', '', wire.message(5, wire.string(1, 'value'), wire.int64(20, 4), tensor));
    const { facts } = await inspect(Buffer.concat([mlpModel(4, 1), wire.message(7, constant)]));
    expect(facts.externalData).toMatchObject([
      { tensor: 'c', dims: [4], expectedBytes: 16, entries: [{ key: 'location', value: '/etc/passwd' }] },
    ]);
    expect(facts.initializerCount).toBe(2);
  });

  it('reads unpacked dims as proto2 writers emit them', async () => {
    const tensor = Buffer.concat([wire.int64(1, 3), wire.int64(1, 5), wire.int64(2, 7), wire.string(8, 'ids')]);
    const rawData = Buffer.from(
      protobuf.Writer.create()
        .uint32((9 << 3) | 2)
        .bytes(Buffer.alloc(120))
        .finish(),
    );
    const model = Buffer.concat([mlpModel(2, 1), wire.message(7, wire.message(5, tensor, rawData))]);
    const { facts, findings } = await inspect(model);
    expect(findings).toEqual([]);
    expect(facts.parametersByDtype).toEqual({ float32: 6, int64: 15 });
  });

  it('flags raw_data whose size contradicts the dims', async () => {
    const model = identity([{ name: 'x', type: 'float', shape: [4] }], [{ name: 'w', dims: [4, 4], values: new Float32Array(3) }]);
    expect((await inspect(model)).findings).toMatchObject([
      { severity: 'critical', code: 'onnx_tensor_size_mismatch', evidence: { tensor: 'w' } },
    ]);
  });

  it('reads a model with 64 MiB of weights by reading a sliver of it', async () => {
    const values = new Float32Array(16 * 1024 * 1024);
    const model = identity([{ name: 'x', type: 'float', shape: [4096] }], [{ name: 'w', dims: [4096, 4096], values }]);
    const source = countingSource(bufferSource(model));
    const { facts } = await inspectOnnx(source);
    expect(facts.parameters).toBe(16 * 1024 * 1024);
    expect(source.bytesRead).toBeLessThan(256 * 1024);
    expect(source.bytesRead / model.length).toBeLessThan(0.005);
  });

  it('rejects truncated files and files that are no model', async () => {
    const model = mlpModel(16, 2);
    expect((await formatErrorOf(inspect(model.subarray(0, model.length - 100)))).code).toBe('onnx_truncated');
    expect((await formatErrorOf(inspect(Buffer.alloc(0)))).code).toBe('onnx_not_a_model');
    expect((await formatErrorOf(inspect(wire.int64(1, 8)))).code).toBe('onnx_not_a_model');
    expect((await formatErrorOf(inspect(Buffer.from('{"not": "onnx"}')))).code).toMatch(/^onnx_(malformed|truncated)$/);
  });

  it('rejects negative dims and unknown initializer types', async () => {
    const negative = wire.message(5, wire.int64(1, -1), wire.int64(2, 1), wire.string(8, 'n'));
    expect((await formatErrorOf(inspect(Buffer.concat([mlpModel(2, 1), wire.message(7, negative)])))).code).toBe('onnx_negative_dim');
    const unknownType = wire.message(5, wire.int64(1, 1), wire.int64(2, 99), wire.string(8, 'u'));
    expect((await formatErrorOf(inspect(Buffer.concat([mlpModel(2, 1), wire.message(7, unknownType)])))).code).toBe('onnx_unknown_dtype');
  });
});

describe('ONNX parameter counts', () => {
  const floatTensor = (name: string, dims: number[]) =>
    wire.message(
      5,
      ...dims.map((dim) => wire.int64(1, dim)),
      wire.int64(2, 1),
      wire.string(8, name),
      Buffer.from(
        protobuf.Writer.create()
          .uint32((9 << 3) | 2)
          .bytes(Buffer.alloc(4 * dims.reduce((a, b) => a * b, 1)))
          .finish(),
      ),
    );
  /** A Constant node whose `sparse_value` holds `values` (float, as field 1) and, when given, the dense dims. */
  const sparseConstant = (output: string, values: Buffer, dims: number[]) =>
    node(
      'Constant',
      '',
      wire.string(2, output),
      wire.message(
        5,
        wire.string(1, 'sparse_value'),
        wire.int64(20, 11),
        wire.message(22, values, ...dims.map((dim) => wire.int64(3, dim))),
      ),
    );

  it('counts Constant nodes, in the main graph and in If branches', async () => {
    const { facts, findings } = await inspect(constantWeightsModel());
    expect(findings).toEqual([]);
    expect(facts).toMatchObject({
      initializerCount: 0,
      tensorCount: 5,
      parameters: 16 + 4 + 1 + 4 + 2,
      parametersByDtype: { float32: 24, bool: 1, int64: 2 },
      bytesByDtype: { float32: 96, bool: 1, int64: 16 },
    });
  });

  it('counts the initializers and Constants of a Loop body', async () => {
    // The trip count (an int64 Constant) and the body's initializer `one` [1].
    expect((await inspect(loopModel(3))).facts).toMatchObject({ parameters: 2, parametersByDtype: { float32: 1, int64: 1 } });
  });

  it('counts a tensor named twice in one graph once', async () => {
    const repeated = Buffer.concat([mlpModel(4, 1), wire.message(7, floatTensor('w0', [4, 4]))]);
    expect((await inspect(repeated)).facts).toMatchObject({ initializerCount: 3, tensorCount: 2, parameters: 16 + 4 });
  });

  it('counts a sparse Constant as its dense shape, and as unknown without one', async () => {
    const values = wire.message(1, wire.int64(1, 3), wire.int64(2, 1), Buffer.alloc(0));
    const withDims = Buffer.concat([mlpModel(2, 1), wire.message(7, sparseConstant('s', values, [10, 10]))]);
    expect((await inspect(withDims)).facts).toMatchObject({ parameters: 6 + 100, parametersByDtype: { float32: 106 } });
    const withoutDims = Buffer.concat([mlpModel(2, 1), wire.message(7, sparseConstant('s', values, []))]);
    expect((await inspect(withoutDims)).facts.parameters).toBeNull();
  });

  it('says a model with no weights has an unknown count, not 0', async () => {
    const { facts } = await inspect(identity([{ name: 'x', type: 'float', shape: [4] }]));
    expect(facts).toMatchObject({ tensorCount: 0, parameters: null });
  });
});

describe('checkOnnxExternalData', () => {
  const files = new Map([
    ['onnx/model.onnx', 1000],
    ['onnx/weights.bin', 4096],
    ['onnx/sub/more.bin', 256],
    ['README.md', 10],
  ]);

  async function check(external: Record<string, string>, options: { dims?: number[]; files?: Map<string, number> } = {}) {
    const model = identity([{ name: 'x', type: 'float', shape: [4] }], [{ name: 'w', dims: options.dims ?? [8, 8], external }]);
    const { facts } = await inspect(model);
    return checkOnnxExternalData({
      modelPath: 'onnx/model.onnx',
      references: facts.externalData,
      customDomains: facts.customDomains,
      files: options.files ?? files,
    });
  }

  it('accepts references inside the version, in range and of the right size', async () => {
    expect(await check({ location: 'weights.bin', offset: '4096', length: '0' }, { dims: [0] })).toEqual([]);
    expect(await check({ location: 'weights.bin', offset: '1024', length: '256', checksum: 'abc' })).toEqual([]);
    expect(await check({ location: './sub//more.bin' })).toEqual([]);
  });

  it.each(['../../etc/passwd', 'a/../../x', '/etc/passwd', 'C:\\x', '\\\\h\\s\\x', 'sub\\..\\..\\x', '', 'a\0b'])(
    'refuses the location %j',
    async (location) => {
      expect(await check({ location })).toMatchObject([{ severity: 'critical', code: 'onnx_external_data_path', evidence: { location } }]);
    },
  );

  it('refuses a missing file, even one that exists elsewhere in the version', async () => {
    expect(await check({ location: 'missing.bin' })).toMatchObject([{ severity: 'critical', code: 'onnx_external_data_missing' }]);
    expect(await check({ location: 'README.md' })).toMatchObject([
      { code: 'onnx_external_data_missing', evidence: { path: 'onnx/README.md' } },
    ]);
  });

  it.each([
    [{ offset: '-1' }, 'onnx_external_data_range'],
    [{ offset: '1.5' }, 'onnx_external_data_range'],
    [{ length: String(2 ** 50) }, 'onnx_external_data_range'],
    [{ offset: '4000', length: '256' }, 'onnx_external_data_range'],
    [{ offset: '5000' }, 'onnx_external_data_range'],
    [{ length: '100' }, 'onnx_external_data_size_mismatch'],
    [{ offset: '4000' }, 'onnx_external_data_size_mismatch'],
  ])('refuses %j', async (range, code) => {
    expect(await check({ location: 'weights.bin', ...range })).toMatchObject([{ severity: 'critical', code }]);
  });

  it('refuses unknown keys and a missing location', async () => {
    expect(await check({ location: 'weights.bin', length: '256', evil: '1' })).toMatchObject([
      { severity: 'critical', code: 'onnx_external_data_unknown_key', evidence: { key: 'evil' } },
    ]);
    expect(await check({ offset: '0' })).toMatchObject([{ severity: 'critical', code: 'onnx_external_data_no_location' }]);
  });

  it('flags native libraries, critically next to custom operators', () => {
    const withLibrary = new Map([...files, ['onnx/libcustom_ops.so.1', 5000]]);
    expect(checkOnnxExternalData({ modelPath: 'onnx/model.onnx', references: [], customDomains: [], files: withLibrary })).toMatchObject([
      { severity: 'warning', code: 'native_library_present', evidence: { libraries: ['onnx/libcustom_ops.so.1'] } },
    ]);
    expect(
      checkOnnxExternalData({ modelPath: 'onnx/model.onnx', references: [], customDomains: ['com.example.ops'], files: withLibrary }),
    ).toMatchObject([{ severity: 'critical', code: 'onnx_custom_op_library' }]);
  });
});
