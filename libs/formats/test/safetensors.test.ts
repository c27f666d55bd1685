import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource, fileSource } from '../src/byte-source.js';
import { FormatError } from '../src/finding.js';
import { inspectSafetensors } from '../src/safetensors.js';
import { inspectShardSet, readSafetensorsIndex, safetensorsIndexFromValue } from '../src/safetensors-index.js';
import { rawSafetensors, safetensorsFile } from './safetensors-writer.js';

async function rejection(bytes: Buffer): Promise<{ error: FormatError; bytesRead: number }> {
  const source = countingSource(bufferSource(bytes));
  const error = await inspectSafetensors(source).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FormatError);
  return { error: error as FormatError, bytesRead: source.bytesRead };
}

/** Rejected with `code`, having read nothing past the header. */
async function expectRejected(bytes: Buffer, code: string): Promise<FormatError> {
  const { error, bytesRead } = await rejection(bytes);
  expect(error.code).toBe(code);
  const declared = bytes.length >= 8 ? Number(bytes.readBigUInt64LE(0)) : 0;
  expect(bytesRead).toBeLessThanOrEqual(8 + Math.min(declared, Math.max(0, bytes.length - 8)));
  return error;
}

const tensor = (dtype: string, shape: number[], begin: number, end: number) => ({ dtype, shape, data_offsets: [begin, end] });

describe('inspectSafetensors', () => {
  it('counts parameters and bytes per dtype and keeps the metadata, reading only the header', async () => {
    const bytes = safetensorsFile(
      {
        'embed.weight': { dtype: 'BF16', shape: [10, 4] },
        'layer.0.weight': { dtype: 'F32', shape: [4, 4] },
        'layer.0.bias': { dtype: 'F32', shape: [4] },
        'layer.0.scale': { dtype: 'F8_E4M3', shape: [3, 2] },
        'packed.fp4': { dtype: 'F4', shape: [2, 3] },
        scalar: { dtype: 'I64', shape: [] },
        empty: { dtype: 'F16', shape: [0, 5] },
      },
      { format: 'pt', note: 'x'.repeat(2000) },
    );
    const source = countingSource(bufferSource(bytes));
    const { facts, findings, tensorNames } = await inspectSafetensors(source);
    const headerBytes = Number(bytes.readBigUInt64LE(0));
    expect(source.bytesRead).toBe(8 + headerBytes);
    expect(findings).toEqual([]);
    expect(facts).toEqual({
      tensorCount: 7,
      parameters: 40 + 16 + 4 + 6 + 6 + 1 + 0,
      parametersByDtype: { bfloat16: 40, float32: 20, float8_e4m3: 6, float4_e2m1: 6, int64: 1, float16: 0 },
      bytesByDtype: { bfloat16: 80, float32: 80, float8_e4m3: 6, float4_e2m1: 3, int64: 8, float16: 0 },
      headerBytes,
      metadata: { format: 'pt', note: 'x'.repeat(1024) },
      metadataTruncated: true,
    });
    expect(tensorNames.sort()).toEqual([
      'embed.weight',
      'empty',
      'layer.0.bias',
      'layer.0.scale',
      'layer.0.weight',
      'packed.fp4',
      'scalar',
    ]);
  });

  it('accepts tensors listed out of offset order and an empty file', async () => {
    const header = JSON.stringify({ b: tensor('U8', [2], 2, 4), a: tensor('U8', [2], 0, 2) });
    expect((await inspectSafetensors(bufferSource(rawSafetensors(header, 4)))).facts.tensorCount).toBe(2);
    expect((await inspectSafetensors(bufferSource(rawSafetensors('{}', 0)))).facts).toMatchObject({ tensorCount: 0, parameters: 0 });
  });

  it('refuses a header length of 2^64−1, 100,000,001, or past the end of the file', async () => {
    await expectRejected(rawSafetensors('{}', 0, 2n ** 64n - 1n), 'safetensors_header_too_large');
    await expectRejected(rawSafetensors('{}', 0, 100_000_001n), 'safetensors_header_too_large');
    await expectRejected(rawSafetensors('{}', 0, 100n), 'safetensors_header_past_eof');
    await expectRejected(Buffer.from([1, 0, 0]), 'safetensors_too_small');
  });

  it('refuses a header that is not a UTF-8 JSON object', async () => {
    await expectRejected(rawSafetensors('[]', 0), 'safetensors_header_not_object');
    await expectRejected(rawSafetensors(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 0), 'safetensors_header_not_utf8');
    await expectRejected(
      rawSafetensors('{"a": {"dtype": "F32", "shape": [NaN], "data_offsets": [0, 4]}}', 4),
      'safetensors_header_not_json',
    );
    await expectRejected(rawSafetensors('{"a": 1', 0), 'safetensors_header_not_json');
    await expectRejected(rawSafetensors(`{"a":${'['.repeat(10)}${']'.repeat(10)}}`, 0), 'safetensors_header_too_deep');
  });

  it('refuses whitespace before the opening brace, which the reference reader tolerates', async () => {
    await expectRejected(rawSafetensors(' {}', 0), 'safetensors_header_leading_whitespace');
    await expectRejected(rawSafetensors('\n{}', 0), 'safetensors_header_leading_whitespace');
  });

  it('refuses duplicate keys, at the top and inside a tensor entry', async () => {
    const top = '{"a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}, "a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}}';
    const error = await expectRejected(rawSafetensors(top, 2), 'safetensors_duplicate_key');
    expect(error.evidence).toEqual({ keys: ['a'] });
    const inner = '{"a": {"dtype": "U8", "dtype": "F32", "shape": [2], "data_offsets": [0, 2]}}';
    await expectRejected(rawSafetensors(inner, 2), 'safetensors_duplicate_key');
    const escaped =
      '{"a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}, "\\u0061": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}}';
    await expectRejected(rawSafetensors(escaped, 2), 'safetensors_duplicate_key');
  });

  it('refuses overlapping offsets, a gap, and a size that disagrees with shape × dtype', async () => {
    const overlap = { a: tensor('U8', [4], 0, 4), b: tensor('U8', [4], 2, 6) };
    await expectRejected(rawSafetensors(JSON.stringify(overlap), 6), 'safetensors_offsets_overlap');
    const gap = { a: tensor('U8', [4], 0, 4), b: tensor('U8', [4], 5, 9) };
    await expectRejected(rawSafetensors(JSON.stringify(gap), 9), 'safetensors_offsets_gap');
    const startsLate = { a: tensor('U8', [4], 1, 5) };
    await expectRejected(rawSafetensors(JSON.stringify(startsLate), 5), 'safetensors_offsets_gap');
    const mismatch = { a: tensor('F32', [4], 0, 8) };
    await expectRejected(rawSafetensors(JSON.stringify(mismatch), 8), 'safetensors_size_mismatch');
    const halfByte = { a: tensor('F4', [3], 0, 1) };
    await expectRejected(rawSafetensors(JSON.stringify(halfByte), 1), 'safetensors_partial_byte');
  });

  it('refuses a shape whose size overflows 64 bits', async () => {
    const huge = { a: tensor('F32', [2 ** 40, 2 ** 40, 3], 0, 4) };
    await expectRejected(rawSafetensors(JSON.stringify(huge), 4), 'safetensors_shape_overflow');
  });

  it('refuses a trailing byte and data past the end of the file', async () => {
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [4], 0, 4) }), 5), 'safetensors_trailing_bytes');
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [4], 0, 4) }), 3), 'safetensors_data_past_eof');
    await expectRejected(rawSafetensors('{}', 1), 'safetensors_trailing_bytes');
  });

  it('refuses negative, fractional and non-numeric dimensions and offsets', async () => {
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [-1], 0, 0) }), 0), 'safetensors_bad_shape');
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [1.5], 0, 0) }), 0), 'safetensors_bad_shape');
    await expectRejected(rawSafetensors('{"a": {"dtype": "U8", "shape": "4", "data_offsets": [0, 4]}}', 4), 'safetensors_bad_shape');
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [2 ** 53], 0, 0) }), 0), 'safetensors_bad_shape');
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('U8', [4], 4, 0) }), 4), 'safetensors_bad_offsets');
    await expectRejected(rawSafetensors('{"a": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4, 8]}}', 4), 'safetensors_bad_offsets');
  });

  it('refuses unknown dtypes, unknown fields and metadata that is not strings', async () => {
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('F128', [1], 0, 16) }), 16), 'safetensors_unknown_dtype');
    await expectRejected(rawSafetensors(JSON.stringify({ a: tensor('__proto__', [1], 0, 16) }), 16), 'safetensors_unknown_dtype');
    await expectRejected(
      rawSafetensors(JSON.stringify({ a: { ...tensor('U8', [1], 0, 1), extra: 1 } }), 1),
      'safetensors_bad_tensor_entry',
    );
    await expectRejected(rawSafetensors(JSON.stringify({ a: 'tensor' }), 0), 'safetensors_bad_tensor_entry');
    await expectRejected(rawSafetensors(JSON.stringify({ __metadata__: { format: 1 } }), 0), 'safetensors_bad_metadata');
    await expectRejected(rawSafetensors(JSON.stringify({ __metadata__: ['pt'] }), 0), 'safetensors_bad_metadata');
  });

  it('reads only the header of a 4 GiB file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vetted-safetensors-'));
    const path = join(folder, 'big.safetensors');
    try {
      const size = 4 * 1024 ** 3;
      const headerLength = 128;
      const dataBytes = size - 8 - headerLength;
      const header = JSON.stringify({ __metadata__: { format: 'pt' }, weight: tensor('U8', [dataBytes / 2, 2], 0, dataBytes) }).padEnd(
        headerLength,
        ' ',
      );
      await writeFile(path, rawSafetensors(header, 0));
      await truncate(path, size);
      const file = await fileSource(path);
      try {
        const source = countingSource(file);
        const { facts } = await inspectSafetensors(source);
        expect(facts.bytesByDtype).toEqual({ uint8: dataBytes });
        expect(facts.parameters).toBe(dataBytes);
        expect(source.bytesRead).toBe(8 + headerLength);
      } finally {
        await file.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('sharded safetensors', () => {
  const shard1 = safetensorsFile({ 'a.weight': { dtype: 'F32', shape: [2, 2] }, 'b.weight': { dtype: 'BF16', shape: [3] } });
  const shard2 = safetensorsFile({ 'c.weight': { dtype: 'F32', shape: [5] } });
  const indexJson = (weightMap: Record<string, string>, totalSize = 16 + 6 + 20) =>
    Buffer.from(JSON.stringify({ metadata: { total_size: totalSize }, weight_map: weightMap }));
  const names = { one: 'model-00001-of-00002.safetensors', two: 'model-00002-of-00002.safetensors' };
  const fullMap = { 'a.weight': names.one, 'b.weight': names.one, 'c.weight': names.two };

  async function inspected(path: string, bytes: Buffer) {
    const { facts, tensorNames } = await inspectSafetensors(bufferSource(bytes));
    return { path, facts, tensorNames };
  }

  it('reads the weight map and sums the shards', async () => {
    const index = await readSafetensorsIndex(bufferSource(indexJson(fullMap)));
    expect(index.shards).toEqual([names.one, names.two]);
    expect(index.weightMap.get('c.weight')).toBe(names.two);
    expect(index.totalSize).toBe(42);
    const shards = [await inspected(`sub/${names.one}`, shard1), await inspected(`sub/${names.two}`, shard2)];
    const result = inspectShardSet({
      indexPath: 'sub/model.safetensors.index.json',
      index,
      files: ['sub/model.safetensors.index.json', ...shards.map((s) => s.path)],
      shards,
    });
    expect(result.findings).toEqual([]);
    expect(result.facts).toEqual({
      tensorCount: 3,
      parameters: 4 + 3 + 5,
      parametersByDtype: { bfloat16: 3, float32: 9 },
      bytesByDtype: { bfloat16: 6, float32: 36 },
      shardCount: 2,
    });
  });

  it('reports a shard missing from the version, tensors missing from a shard and tensors the index does not list', async () => {
    const index = safetensorsIndexFromValue(
      JSON.parse(indexJson({ 'a.weight': names.one, 'z.weight': names.one, 'c.weight': names.two }).toString()),
    );
    const result = inspectShardSet({
      indexPath: 'model.safetensors.index.json',
      index,
      files: ['model.safetensors.index.json', names.one],
      shards: [await inspected(names.one, shard1)],
    });
    expect(result.findings.map((f) => [f.severity, f.code, f.evidence])).toEqual([
      ['critical', 'shard_missing', { index: 'model.safetensors.index.json', shards: [names.two], count: 1 }],
      ['critical', 'tensor_missing', { shard: names.one, tensors: ['z.weight'], count: 1 }],
      ['warning', 'tensor_not_indexed', { shard: names.one, tensors: ['b.weight'], count: 1 }],
    ]);
    expect(result.facts.tensorCount).toBe(2);
  });

  it('reports a total_size that disagrees with the shards', async () => {
    const index = safetensorsIndexFromValue(JSON.parse(indexJson(fullMap, 999).toString()));
    const shards = [await inspected(names.one, shard1), await inspected(names.two, shard2)];
    const result = inspectShardSet({ indexPath: 'model.safetensors.index.json', index, files: shards.map((s) => s.path), shards });
    expect(result.findings.map((f) => f.code)).toEqual(['index_total_size_mismatch']);
  });

  it('refuses shard names that leave the folder and indexes without a weight map', async () => {
    for (const shard of ['../model.safetensors', 'a/b.safetensors', 'C:model.safetensors', '..', '\\\\h\\s\\x']) {
      const error = await readSafetensorsIndex(bufferSource(indexJson({ a: shard }))).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe('safetensors_index_bad_shard');
    }
    await expect(readSafetensorsIndex(bufferSource(Buffer.from('{"metadata":{}}')))).rejects.toMatchObject({
      code: 'safetensors_index_invalid',
    });
    await expect(
      readSafetensorsIndex(bufferSource(Buffer.from('{"weight_map":{"a":"x.safetensors","a":"y.safetensors"}}'))),
    ).rejects.toMatchObject({
      code: 'safetensors_index_duplicate_key',
    });
  });
});
