import { describe, expect, it } from 'vitest';
import { actionLabel, actionTone, eventDetail, eventSubject } from '../src/model/history-events';
import { readResolvedInputs, shapeText } from '../src/model/resolved-inputs';

describe('version history in words', () => {
  it('names the actions, and an unknown one by itself', () => {
    expect(actionLabel('version.revoked')).toBe('Revoked');
    expect(actionLabel('benchmark.failed')).toBe('Benchmark failed');
    expect(actionLabel('version.something_new')).toBe('version something new');
    expect(actionTone('version.approved')).toBe('good');
    expect(actionTone('version.revoked')).toBe('bad');
    expect(actionTone('file.uploaded')).toBe('muted');
  });

  it('gives the detail worth reading next to each event', () => {
    expect(eventDetail({ action: 'file.uploaded', data: { size: 1536, sha256: 'f'.repeat(64) } })).toBe(
      `1.54 kB, sha256 ${'f'.repeat(12)}`,
    );
    expect(eventDetail({ action: 'version.submitted', data: { files: 2, commitSha: 'a'.repeat(40) } })).toBe(
      `2 files at ${'a'.repeat(12)}`,
    );
    expect(eventDetail({ action: 'version.scanned', data: { statuses: { clean: 2, warning: 0 }, findings: 1 } })).toBe(
      '2 clean · 1 finding',
    );
    expect(eventDetail({ action: 'benchmark.succeeded', data: { p50Ms: 1.5, executionProvider: 'cpu', hardware: 'EPYC' } })).toBe(
      'p50 1.50 ms on cpu (EPYC)',
    );
    expect(eventDetail({ action: 'benchmark.failed', data: { error: 'model_error: boom' } })).toBe('model_error: boom');
    expect(eventDetail({ action: 'version.approved', data: { overrideReason: 'false positive' } })).toBe('overriding: false positive');
    expect(eventDetail({ action: 'version.approved', data: {} })).toBeUndefined();
    expect(eventDetail({ action: 'file.uploaded', data: { size: 'big' } })).toBeUndefined();
    expect(eventSubject({ path: null, data: { file: 'model.onnx' } })).toBe('model.onnx');
    expect(eventSubject({ path: 'config.json', data: {} })).toBe('config.json');
  });
});

describe('the inputs a benchmark run was fed', () => {
  it('reads stored inputs and leaves out what is not one', () => {
    const inputs = readResolvedInputs([
      { name: 'x', dtype: 'float32', shape: [1, 3, 224, 224], fill: 'random', source: ['request', 'graph', 'default', 'default'] },
      { name: 'ids', dtype: 'int64', shape: [1, 16], fill: 'token_ids' },
      { name: 'bad', dtype: 'float32', shape: ['?'] },
      'nonsense',
    ]);
    expect(inputs.map((input) => input.name)).toEqual(['x', 'ids']);
    expect(shapeText(inputs[0]!)).toBe('[1, 3, 224*, 224*]');
    expect(shapeText(inputs[1]!)).toBe('[1, 16]');
    expect(readResolvedInputs(null)).toEqual([]);
    expect(readResolvedInputs({ x: 1 })).toEqual([]);
  });
});
