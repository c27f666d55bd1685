import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { FormatError } from '../src/finding.js';
import { inspectGguf } from '../src/gguf.js';
import { ByteWriter, GGML, ggufFile, kv, T, type TensorSpec } from './gguf-writer.js';

async function expectRejected(bytes: Buffer, code: string): Promise<FormatError> {
  const source = countingSource(bufferSource(bytes));
  const error = await inspectGguf(source).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FormatError);
  expect((error as FormatError).code).toBe(code);
  // Memory and reads stay bounded by the file, whatever its counts claim.
  expect(source.bytesRead).toBeLessThanOrEqual(bytes.length);
  return error as FormatError;
}

const weights: TensorSpec[] = [
  { name: 'token_embd.weight', dims: [256, 8], type: GGML.Q4_K },
  { name: 'blk.0.attn_q.weight', dims: [256, 4], type: GGML.Q6_K },
  { name: 'output_norm.weight', dims: [256], type: GGML.F32 },
];
const tokens = Array.from({ length: 1000 }, (_, i) => `tok${i}`);
const template = "{% for m in messages %}{{ m['content'] }}{% endfor %}";

describe('inspectGguf', () => {
  it('reads architecture, context length, file type, quantization and exact sizes of quantized tensors', async () => {
    const bytes = ggufFile({
      kv: [
        kv.string('general.architecture', 'llama'),
        kv.string('general.name', 'Tiny Llama'),
        kv.u32('general.file_type', 15),
        { key: 'llama.context_length', type: T.u64, value: 4096n },
        kv.u32('general.alignment', 64),
        kv.array('tokenizer.ggml.tokens', T.string, tokens),
        kv.array(
          'tokenizer.ggml.scores',
          T.f32,
          tokens.map((_, i) => -i),
        ),
        kv.array('nested', T.array, [
          { type: T.u8, items: [1, 2] },
          { type: T.string, items: ['a'] },
        ]),
        { key: 'general.flag', type: T.bool, value: 1 },
        { key: 'general.f64', type: T.f64, value: 0.5 },
        kv.string('tokenizer.chat_template', template),
      ],
      tensors: weights,
      alignment: 64,
    });
    const { facts, findings } = await inspectGguf(bufferSource(bytes));
    expect(facts).toMatchObject({
      version: 3,
      architecture: 'llama',
      name: 'Tiny Llama',
      contextLength: 4096,
      fileType: 'MOSTLY_Q4_K_M',
      quantization: 'q4_k',
      alignment: 64,
      metadataCount: 11,
      hasChatTemplate: true,
      tensorCount: 3,
      parameters: 2048 + 1024 + 256,
      parametersByDtype: { q4_k: 2048, q6_k: 1024, float32: 256 },
      bytesByDtype: { q4_k: 8 * 144, q6_k: 4 * 210, float32: 1024 },
    });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'info', code: 'chat_template', evidence: expect.objectContaining({ length: template.length }) }),
    ]);
  });

  it('reads the header in chunks and skips tokenizer arrays and tensor data unread', async () => {
    const vocabulary = Array.from({ length: 50_000 }, (_, i) => `token-${i}`);
    const bytes = ggufFile({
      kv: [kv.string('general.architecture', 'llama'), kv.array('tokenizer.ggml.tokens', T.string, vocabulary)],
      tensors: [{ name: 'big', dims: [1024, 1024], type: GGML.F32 }],
    });
    const source = countingSource(bufferSource(bytes));
    const { facts } = await inspectGguf(source);
    expect(facts.bytesByDtype).toEqual({ float32: 4 * 1024 * 1024 });
    expect(source.bytesRead).toBeLessThan(facts.headerBytes + 64 * 1024);
    expect(source.bytesRead).toBeLessThan(bytes.length / 4);
  });

  it('accepts version 2, a file without tensors, and reports bytes after the data', async () => {
    expect((await inspectGguf(bufferSource(ggufFile({ version: 2, tensors: weights })))).facts.version).toBe(2);
    expect((await inspectGguf(bufferSource(ggufFile({ kv: [kv.string('general.architecture', 'llama')] })))).facts.tensorCount).toBe(0);
    const { findings } = await inspectGguf(bufferSource(ggufFile({ tensors: weights, trailing: 100 })));
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'gguf_trailing_data', evidence: { bytes: 100 } })]);
  });

  it('refuses a bad magic, versions 0, 1 and 4, and byte-swapped files', async () => {
    const bytes = ggufFile({ tensors: weights });
    await expectRejected(Buffer.concat([Buffer.from('GGUX'), bytes.subarray(4)]), 'gguf_bad_magic');
    await expectRejected(Buffer.from('GG'), 'gguf_bad_magic');
    for (const version of [0, 1, 4]) await expectRejected(ggufFile({ version, tensors: weights }), 'gguf_unsupported_version');
    const swapped = Buffer.from(bytes);
    swapped.writeUInt32BE(3, 4);
    await expectRejected(swapped, 'gguf_byte_swapped');
  });

  it('refuses counts the file could not hold, before reading them', async () => {
    await expectRejected(ggufFile({ tensorCount: 2n ** 63n, tensors: weights }), 'gguf_tensor_count_too_large');
    const oneKilobyte = Buffer.concat([ggufFile({ kvCount: 2n ** 40n }), Buffer.alloc(1000)]).subarray(0, 1024);
    await expectRejected(oneKilobyte, 'gguf_kv_count_too_large');
    const array = ggufFile({ kv: [kv.array('a', T.u32, [1])] });
    array.writeBigUInt64LE(2n ** 62n, array.length - 12);
    await expectRejected(array, 'gguf_array_too_long');
  });

  it('refuses a string length of 2^64−1, oversized and empty keys, and type 13', async () => {
    const stringTooLong = new ByteWriter()
      .raw(ggufFile({ kvCount: 1n }))
      .string('general.name')
      .u32(T.string)
      .u64(2n ** 64n - 1n)
      .raw(Buffer.alloc(64))
      .build();
    await expectRejected(stringTooLong, 'gguf_string_too_long');
    const keyTooLong = new ByteWriter()
      .raw(ggufFile({ kvCount: 1n }))
      .u64(2n ** 64n - 1n)
      .raw(Buffer.alloc(64))
      .build();
    await expectRejected(keyTooLong, 'gguf_key_too_long');
    await expectRejected(ggufFile({ kv: [{ key: 'k'.repeat(65_536), type: T.u8, value: 1 }] }), 'gguf_key_too_long');
    await expectRejected(ggufFile({ kv: [{ key: '', type: T.u8, value: 1 }], trailing: 16 }), 'gguf_empty_key');
    const type13 = new ByteWriter()
      .raw(ggufFile({ kvCount: 1n }))
      .string('general.x')
      .u32(13)
      .u64(0)
      .build();
    await expectRejected(type13, 'gguf_bad_value_type');
    const arrayOf13 = new ByteWriter()
      .raw(ggufFile({ kvCount: 1n }))
      .string('general.x')
      .u32(T.array)
      .u32(13)
      .u64(0)
      .build();
    await expectRejected(arrayOf13, 'gguf_bad_value_type');
  });

  it('refuses duplicate keys and arrays nested too deep', async () => {
    await expectRejected(ggufFile({ kv: [kv.u32('general.x', 1), kv.string('general.x', 'again')] }), 'gguf_duplicate_key');
    let nested: { type: number; items: unknown[] } = { type: T.u8, items: [1] };
    for (let i = 0; i < 5; i++) nested = { type: T.array, items: [nested] };
    await expectRejected(ggufFile({ kv: [{ key: 'deep', type: T.array, value: nested }] }), 'gguf_array_too_deep');
  });

  it('refuses an alignment of 3, over 1 MiB, or not a uint32', async () => {
    await expectRejected(ggufFile({ kv: [kv.u32('general.alignment', 3)], tensors: weights }), 'gguf_bad_alignment');
    await expectRejected(ggufFile({ kv: [kv.u32('general.alignment', 0)], tensors: weights }), 'gguf_bad_alignment');
    await expectRejected(ggufFile({ kv: [kv.u32('general.alignment', 2 * 1024 * 1024)] }), 'gguf_bad_alignment');
    await expectRejected(ggufFile({ kv: [{ key: 'general.alignment', type: T.u64, value: 32n }] }), 'gguf_bad_alignment');
  });

  it('refuses 5 dimensions, dimensions overflowing when multiplied, unknown types and partial blocks', async () => {
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [1, 1, 1, 1, 1], type: GGML.F32 }] }), 'gguf_too_many_dims');
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [2n ** 32n, 2n ** 32n, 2n], type: GGML.F32 }] }), 'gguf_dims_overflow');
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [2n ** 64n - 1n], type: GGML.F32 }] }), 'gguf_dims_overflow');
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [32], type: 4 }] }), 'gguf_unknown_tensor_type');
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [32], type: 99 }] }), 'gguf_unknown_tensor_type');
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [100, 2], type: GGML.Q4_K }] }), 'gguf_partial_block');
  });

  it('refuses long and duplicate tensor names', async () => {
    await expectRejected(ggufFile({ tensors: [{ name: 'n'.repeat(64), dims: [4], type: GGML.F32 }] }), 'gguf_tensor_name_too_long');
    const ok = await inspectGguf(bufferSource(ggufFile({ tensors: [{ name: 'n'.repeat(63), dims: [4], type: GGML.F32 }] })));
    expect(ok.facts.tensorCount).toBe(1);
    const twice = { name: 'w', dims: [4], type: GGML.F32 };
    await expectRejected(ggufFile({ tensors: [twice, twice] }), 'gguf_duplicate_tensor');
  });

  it('refuses tensor data past the end of the file, misaligned, overlapping or out of order', async () => {
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [8], type: GGML.F32, offset: 2n ** 40n }] }), 'gguf_tensor_out_of_bounds');
    await expectRejected(
      ggufFile({ tensors: [{ name: 'a', dims: [8], type: GGML.F32, offset: 2n ** 64n - 32n }] }),
      'gguf_tensor_out_of_bounds',
    );
    await expectRejected(ggufFile({ tensors: [{ name: 'a', dims: [8], type: GGML.F32, offset: 4n }] }), 'gguf_misaligned_tensor');
    const overlapping = [weights[0]!, { ...weights[2]!, offset: 0n }];
    await expectRejected(ggufFile({ tensors: overlapping }), 'gguf_tensor_offset_mismatch');
    const bytes = ggufFile({ tensors: weights });
    await expectRejected(bytes.subarray(0, bytes.length - 1024), 'gguf_tensor_out_of_bounds');
  });

  it('refuses a file cut inside its header', async () => {
    const bytes = ggufFile({ kv: [kv.array('tokenizer.ggml.tokens', T.string, tokens)], tensors: weights });
    const { headerBytes } = (await inspectGguf(bufferSource(bytes))).facts;
    await expectRejected(bytes.subarray(0, headerBytes - 5), 'gguf_truncated');
    await expectRejected(bytes.subarray(0, 20), 'gguf_truncated');
    // Cut inside the vocabulary: the remaining bytes cannot hold the strings the array claims.
    await expectRejected(bytes.subarray(0, 3000), 'gguf_array_too_long');
  });
});
