import { describe, expect, it } from 'vitest';
import {
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
    const resolver = new DimensionResolver({ batchSize: 2, dims: { sequence: 8, num_heads: 4, height: 64 } });
    expect(resolver.resolve('past_sequence_length + 1')).toBe(1);
    expect(resolver.resolve('past_sequence_length + sequence_length')).toBe(8);
    expect(resolver.resolve('batch_size*num_heads')).toBe(8);
    expect(resolver.resolve('height')).toBe(64);
    expect(resolver.resolve('width')).toBe(224);
    expect(resolver.resolve('unk__7')).toBe(1);
    expect(resolver.batchValue).toBe(2);
    expect([...resolver.guessed]).toEqual(['unk__7']);
    expect(resolver.resolved).toEqual({
      'past_sequence_length + 1': 1,
      'past_sequence_length + sequence_length': 8,
      'batch_size*num_heads': 8,
      height: 64,
      width: 224,
      unk__7: 1,
    });
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
    const made = synthesiseInputs(decoder, options({ batchSize: 3, vocabSize: 7, dims: { sequence: 64 } }));
    expect(made.inputs).toEqual([
      { name: 'input_ids', dtype: 'int64', shape: [3, 64], fill: 'token_ids' },
      { name: 'attention_mask', dtype: 'int64', shape: [3, 64], fill: 'ones' },
      { name: 'position_ids', dtype: 'int64', shape: [3, 64], fill: 'positions' },
      { name: 'past_key_values.0.key', dtype: 'float16', shape: [3, 2, 0, 8], fill: 'random' },
    ]);
    const ids = [...(made.tensors.get('input_ids')!.data as BigInt64Array)].map(Number);
    expect(Math.min(...ids)).toBe(0);
    expect(Math.max(...ids)).toBe(6);
    expect(new Set(made.tensors.get('attention_mask')!.data as BigInt64Array)).toEqual(new Set([1n]));
    expect([...(made.tensors.get('position_ids')!.data as BigInt64Array)].slice(62, 66)).toEqual([62n, 63n, 0n, 1n]);
    expect(made.tensors.get('past_key_values.0.key')!.data).toHaveLength(0);
    expect(made.batchSize).toBe(3);
    expect(made.findings).toEqual([]);
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
    expect(made.findings.map((finding) => finding.code)).toEqual([
      'dimension_defaulted',
      'dimension_override_unused',
      'batch_size_ignored',
      'vocab_size_unknown',
    ]);
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
