import { describe, expect, it } from 'vitest';
import {
  axisHints,
  dimensionKind,
  DimensionResolver,
  summariseLatencies,
  synthesiseInputs,
  type SynthesisOptions,
  type ValueMetadata,
} from '@vetted/inference';
import { LogTail } from '../src/log-tail.js';
import { parseNvidiaSmi } from '@vetted/inference';
import { PROBE_MODEL } from '../src/probe-model.js';
import { buildOnnxModel } from '../../../test/onnx-model.js';

const options = (overrides: Partial<SynthesisOptions> = {}): SynthesisOptions => ({
  batchSize: 1,
  batchSizeRequested: false,
  dims: {},
  inputs: {},
  vocabSize: 100,
  vocabSizeKnown: true,
  seed: 1,
  ...overrides,
});

describe('symbolic dimensions', () => {
  it.each([
    ['batch', 'batch'],
    ['batch_size', 'batch'],
    ['N', 'batch'],
    ['sequence_length', 'sequence'],
    ['encoder_sequence_length', 'sequence'],
    ['seq', 'sequence'],
    ['past_sequence_length', 'past_sequence'],
    ['past_decoder_sequence_length', 'past_sequence'],
    ['height', 'height'],
    ['W', 'width'],
    ['num_channels', 'channels'],
    ['num_samples', 'samples'],
    ['unk__42', undefined],
    ['num_heads', undefined],
  ])('reads %s as %s', (name, kind) => {
    expect(dimensionKind(name)).toBe(kind);
  });

  it('evaluates the sums and products exporters write, and overrides by exact name before kind', () => {
    const resolver = new DimensionResolver({ batchSize: 2, batchSizeRequested: true, dims: { sequence: 8, num_heads: 4, height: 64 } });
    const resolve = (name: string) => resolver.resolve({ input: 'in', axis: 1, name }).value;
    expect(resolve('past_sequence_length + 1')).toBe(1);
    expect(resolve('past_sequence_length + sequence_length')).toBe(8);
    expect(resolve('batch_size*num_heads')).toBe(8);
    expect(resolve('height')).toBe(64);
    expect(resolve('width')).toBe(224);
    expect(resolver.resolve({ input: 'in', axis: 1, name: 'unk__7' })).toEqual({
      key: 'unk__7',
      value: 1,
      source: 'default',
      guessed: true,
    });
    expect(resolver.batchValue).toBe(2);
    expect(resolver.resolved).toEqual({
      'past_sequence_length + 1': 1,
      'past_sequence_length + sequence_length': 8,
      'batch_size*num_heads': 8,
      height: 64,
      width: 224,
      unk__7: 1,
    });
  });

  it('says where each value came from, the least certain term deciding for an expression', () => {
    const resolver = new DimensionResolver({
      batchSize: 1,
      batchSizeRequested: false,
      dims: { sequence_length: 8 },
      imageSize: { height: 640, width: 480 },
    });
    const source = (name: string, hint = {}) => resolver.resolve({ input: 'in', axis: 0, name, ...hint }).source;
    expect(source('batch')).toBe('default');
    expect(source('sequence_length')).toBe('request');
    expect(source('past_sequence_length + sequence_length')).toBe('default');
    expect(source('sequence_length + 1')).toBe('graph');
    expect(source('height')).toBe('preprocessor_config');
    expect(source('', { kind: 'width', fixedSide: 32 })).toBe('preprocessor_config');
    expect(
      new DimensionResolver({ batchSize: 1, batchSizeRequested: true, dims: {} }).resolve({ input: 'x', axis: 0, name: 'N' }).source,
    ).toBe('request');
  });

  it('sets an unnamed axis by position, by its kind from its place, or from the fixed other side of the image', () => {
    const resolver = new DimensionResolver({ batchSize: 4, batchSizeRequested: true, dims: { 'x.2': 640, width: 320 } });
    expect(resolver.resolve({ input: 'x', axis: 0, name: '', kind: 'batch' })).toMatchObject({ key: 'x.0', value: 4, source: 'request' });
    expect(resolver.resolve({ input: 'x', axis: 2, name: '', kind: 'height' })).toMatchObject({
      key: 'x.2',
      value: 640,
      source: 'request',
    });
    expect(resolver.resolve({ input: 'x', axis: 3, name: '', kind: 'width' })).toMatchObject({ key: 'x.3', value: 320, source: 'request' });
    // A name that says what it is wins over the place.
    expect(resolver.resolve({ input: 'y', axis: 2, name: 'sequence', kind: 'height' })).toMatchObject({ value: 16, kind: 'sequence' });
    expect(resolver.resolve({ input: 'z', axis: 2, name: '', kind: 'height', fixedSide: 48 })).toMatchObject({
      key: 'z.2',
      value: 48,
      source: 'graph',
    });
    expect(resolver.resolve({ input: 'z', axis: 1, name: '' })).toMatchObject({ key: 'z.1', value: 1, guessed: true });
    expect(resolver.resolved).toEqual({ 'x.0': 4, 'x.2': 640, 'x.3': 320, sequence: 16, 'z.2': 48, 'z.1': 1 });
    expect([...resolver.usedOverrides].sort()).toEqual(['batch', 'width', 'x.2']);
  });

  it.each<[string, ValueMetadata, string[] | undefined]>([
    ['NCHW', { name: 'image', isTensor: true, type: 'float32', shape: ['', 3, '', ''] }, ['batch', 'channels', 'height', 'width']],
    ['NHWC', { name: 'input_1', isTensor: true, type: 'float16', shape: ['', '', '', 4] }, ['batch', 'height', 'width', 'channels']],
    [
      'NCHW by name',
      { name: 'pixel_values', isTensor: true, type: 'float32', shape: ['', '', '', ''] },
      ['batch', 'channels', 'height', 'width'],
    ],
    ['not: an attention cache', { name: 'past_key_values.0.key', isTensor: true, type: 'float32', shape: ['', 4, '', 64] }, undefined],
    ['not: integers', { name: 'x', isTensor: true, type: 'int64', shape: ['', 3, '', ''] }, undefined],
    ['not: rank 3', { name: 'x', isTensor: true, type: 'float32', shape: ['', 3, ''] }, undefined],
    ['not: 8 channels, unnamed', { name: 'features', isTensor: true, type: 'float32', shape: ['', 8, '', ''] }, undefined],
  ])('reads the layout of an image input: %s', (_, input, kinds) => {
    const hints = axisHints(input);
    expect(hints.some((hint) => hint.kind) ? hints.map((hint) => hint.kind) : undefined).toEqual(kinds);
  });

  it('hints the fixed side of an image for the other, but never a side of 1', () => {
    const hints = (shape: (number | string)[]) => axisHints({ name: 'x', isTensor: true, type: 'float32', shape });
    expect(hints(['', 3, 48, ''])[3]).toEqual({ kind: 'width', fixedSide: 48 });
    expect(hints(['', 3, 1, ''])[3]).toEqual({ kind: 'width' });
  });
});

describe('synthesiseInputs', () => {
  // What onnxruntime reports for a decoder with a key/value cache.
  const decoder: ValueMetadata[] = [
    { name: 'input_ids', isTensor: true, type: 'int64', shape: ['batch_size', 'sequence_length'] },
    { name: 'attention_mask', isTensor: true, type: 'int64', shape: ['batch_size', 'past_sequence_length + sequence_length'] },
    { name: 'position_ids', isTensor: true, type: 'int64', shape: ['batch_size', 'sequence_length'] },
    { name: 'past_key_values.0.key', isTensor: true, type: 'float16', shape: ['batch_size', 2, 'past_sequence_length', 8] },
  ];

  it('makes token ids within the vocabulary, a mask of ones, positions and an empty cache', () => {
    const made = synthesiseInputs(decoder, options({ batchSize: 3, batchSizeRequested: true, vocabSize: 7, dims: { sequence: 64 } }));
    expect(made.inputs).toEqual([
      { name: 'input_ids', dtype: 'int64', shape: [3, 64], fill: 'token_ids', source: ['request', 'request'] },
      { name: 'attention_mask', dtype: 'int64', shape: [3, 64], fill: 'ones', source: ['request', 'default'] },
      { name: 'position_ids', dtype: 'int64', shape: [3, 64], fill: 'positions', source: ['request', 'request'] },
      {
        name: 'past_key_values.0.key',
        dtype: 'float16',
        shape: [3, 2, 0, 8],
        fill: 'random',
        source: ['request', 'graph', 'default', 'graph'],
      },
    ]);
    const ids = [...(made.tensors.get('input_ids')!.data as BigInt64Array)].map(Number);
    expect(Math.min(...ids)).toBe(0);
    expect(Math.max(...ids)).toBe(6);
    expect(new Set(made.tensors.get('attention_mask')!.data as BigInt64Array)).toEqual(new Set([1n]));
    expect([...(made.tensors.get('position_ids')!.data as BigInt64Array)].slice(62, 66)).toEqual([62n, 63n, 0n, 1n]);
    expect(made.tensors.get('past_key_values.0.key')!.data).toHaveLength(0);
    expect(made.batchSize).toBe(3);
    // The empty cache was not asked for: it is said, once per set of inputs that share it.
    expect(made.findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'dims_defaulted',
        evidence: { inputs: 'attention_mask', dims: 'past_sequence_length + sequence_length=64' },
      }),
      expect.objectContaining({
        severity: 'info',
        code: 'dims_defaulted',
        evidence: { inputs: 'past_key_values.0.key', dims: 'past_sequence_length=0' },
      }),
    ]);
  });

  it('repeats itself for a seed and changes with it', () => {
    const image: ValueMetadata[] = [{ name: 'pixel_values', isTensor: true, type: 'float32', shape: [1, 3, 4, 4] }];
    const data = (seed: number) => synthesiseInputs(image, options({ seed })).tensors.get('pixel_values')!.data;
    expect(data(5)).toEqual(data(5));
    expect(data(5)).not.toEqual(data(6));
    expect(Math.max(...(data(5) as Float32Array))).toBeLessThan(1);
    expect(Math.min(...(data(5) as Float32Array))).toBeGreaterThanOrEqual(-1);
  });

  it('says when it guessed a dimension, ignored the batch size, an override or lacked a vocabulary', () => {
    const metadata: ValueMetadata[] = [{ name: 'ids', isTensor: true, type: 'int32', shape: [1, 'unk__3'] }];
    const made = synthesiseInputs(metadata, options({ batchSize: 4, dims: { height: 32 }, vocabSizeKnown: false }));
    expect(made.batchSize).toBe(1);
    expect(made.findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['dims_defaulted', 'warning'],
      ['dimension_override_unused', 'warning'],
      ['batch_size_ignored', 'info'],
      ['vocab_size_unknown', 'info'],
    ]);
    expect(made.findings[0]?.message).toBe(
      'input ids: unk__3=1 (meaning unknown) were not given; set them with dims by name, kind or input.axis, e.g. {"unk__3": N}',
    );
  });

  describe('an image input whose graph leaves batch and sides unnamed ([?, 3, ?, ?])', () => {
    const detector: ValueMetadata[] = [{ name: 'x', isTensor: true, type: 'float32', shape: ['', 3, '', ''] }];

    it('gets 224 × 224, never 1, and says so', () => {
      const made = synthesiseInputs(detector, options());
      expect(made.inputs).toEqual([
        { name: 'x', dtype: 'float32', shape: [1, 3, 224, 224], fill: 'random', source: ['default', 'graph', 'default', 'default'] },
      ]);
      expect(made.dims).toEqual({ 'x.0': 1, 'x.2': 224, 'x.3': 224 });
      expect(made.findings).toEqual([
        {
          severity: 'info',
          code: 'dims_defaulted',
          message:
            'input x: x.2=224 (height), x.3=224 (width) were not given; set them with dims by name, kind or input.axis, e.g. {"x.2": N}',
          evidence: { inputs: 'x', dims: 'x.2=224, x.3=224' },
        },
      ]);
    });

    it('takes the size from preprocessor_config.json, and the request over it', () => {
      const configured = synthesiseInputs(detector, options({ imageSize: { height: 640, width: 480 } }));
      expect(configured.inputs[0]).toMatchObject({
        shape: [1, 3, 640, 480],
        source: ['default', 'graph', 'preprocessor_config', 'preprocessor_config'],
      });
      expect(configured.findings).toEqual([]);

      const requested = synthesiseInputs(
        detector,
        options({ batchSize: 2, batchSizeRequested: true, dims: { 'x.2': 320, width: 96 }, imageSize: { height: 640, width: 480 } }),
      );
      expect(requested.inputs[0]).toMatchObject({ shape: [2, 3, 320, 96], source: ['request', 'graph', 'request', 'request'] });
      expect(requested.findings).toEqual([]);
    });

    it("reads names an exporter gives that say nothing (paddle2onnx's p2o.DynamicDimension.N) by their place", () => {
      const exported: ValueMetadata[] = [
        {
          name: 'x',
          isTensor: true,
          type: 'float32',
          shape: ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'],
        },
      ];
      const made = synthesiseInputs(exported, options({ dims: { height: 640 } }));
      expect(made.inputs[0]).toMatchObject({ shape: [1, 3, 640, 224], source: ['default', 'graph', 'request', 'default'] });
      expect(made.findings).toEqual([expect.objectContaining({ evidence: { inputs: 'x', dims: 'p2o.DynamicDimension.2=224' } })]);
    });

    it('takes an explicit shape as the request', () => {
      const made = synthesiseInputs(detector, options({ inputs: { x: { shape: [1, 3, 32, 64] } } }));
      expect(made.inputs[0]).toMatchObject({ shape: [1, 3, 32, 64], source: ['request', 'graph', 'request', 'request'] });
      expect(made.findings).toEqual([]);
    });
  });

  it('refuses inputs it cannot make', () => {
    expect(() => synthesiseInputs([{ name: 'text', isTensor: true, type: 'string', shape: [1] }], options())).toThrow(/type string/);
    expect(() =>
      synthesiseInputs([{ name: 'x', isTensor: true, type: 'int64', shape: [2] }], options({ inputs: { x: { data: [1.5, 2] } } })),
    ).toThrow(/1.5 is not a valid int64/);
    expect(() => synthesiseInputs([{ name: 'x', isTensor: true, type: 'float32', shape: ['n', 65536, 65536] }], options())).toThrow(
      /too large/,
    );
  });
});

describe('small parts', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summariseLatencies(samples)).toEqual({ runs: 100, p50Ms: 50, p90Ms: 90, p99Ms: 99, meanMs: 50.5 });
    expect(summariseLatencies([3])).toMatchObject({ p50Ms: 3, p99Ms: 3 });
  });

  it('keeps the last lines of a stream, bounded', () => {
    const tail = new LogTail(3, 10);
    tail.write('one\ntwo\nthr');
    tail.write('ee\nfour is a long line\nfi');
    expect(tail.lines()).toEqual(['three', 'four is a …', 'fi']);
  });

  it('parses nvidia-smi output', () => {
    expect(parseNvidiaSmi('NVIDIA H100 80GB HBM3, 580.65.06, 81559\nNVIDIA H200, 580.65.06, [N/A]\n')).toEqual([
      { name: 'NVIDIA H100 80GB HBM3', driver: '580.65.06', memoryMb: 81559, source: 'nvidia-smi' },
      { name: 'NVIDIA H200', driver: '580.65.06', source: 'nvidia-smi' },
    ]);
  });

  it('probes providers with the model its comment describes', () => {
    const identity = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [1] }],
      outputs: [{ name: 'y', type: 'float', shape: [1] }],
      nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
      producer: 'vetted-probe',
    });
    expect(PROBE_MODEL.equals(identity)).toBe(true);
  });
});
