import { describe, expect, it } from 'vitest';
import { bufferSource, type ByteSource } from '../src/byte-source.js';
import { FormatError } from '../src/finding.js';
import { seededRandom } from './test-helpers.js';
import { inspectGguf } from '../src/gguf.js';
import { inspectJsonFile } from '../src/json-file.js';
import { inspectSafetensors } from '../src/safetensors.js';
import { readSafetensorsIndex } from '../src/safetensors-index.js';
import { GGML, ggufFile, kv, T } from './gguf-writer.js';
import { safetensorsFile } from './safetensors-writer.js';

const ITERATIONS = 300;

const LENGTHS = [0n, 1n, 7n, 255n, 2n ** 16n - 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n];

function mutate(original: Buffer, next: () => number): Buffer {
  const below = (n: number) => Math.floor(next() * n);
  const bytes = Buffer.from(original);
  switch (below(6)) {
    case 0: {
      for (let flips = 1 + below(4); flips > 0; flips--) {
        const at = below(bytes.length);
        bytes[at] = bytes[at]! ^ (1 + below(255));
      }
      return bytes;
    }
    case 1:
      return bytes.subarray(0, below(bytes.length));
    case 2: {
      const at = below(bytes.length);
      const inserted = Buffer.from(Array.from({ length: 1 + below(16) }, () => below(256)));
      return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
    }
    case 3: {
      const at = below(bytes.length);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + below(32))]);
    }
    default: {
      // A length or count field claiming something else: a plausible size, or a boundary value.
      const at = below(Math.max(1, bytes.length - 8));
      const sizes = [BigInt(bytes.length), BigInt(bytes.length) + 1n, BigInt(bytes.length) - 8n];
      const value = [...LENGTHS, ...sizes][below(LENGTHS.length + sizes.length)]!;
      if (bytes.length >= 8) bytes.writeBigUInt64LE(BigInt.asUintN(64, value), at);
      return bytes;
    }
  }
}

async function fuzz(seed: number, original: Buffer, inspect: (source: ByteSource) => Promise<unknown>) {
  const next = seededRandom(seed);
  const outcomes = { accepted: 0, rejected: 0 };
  for (let i = 0; i < ITERATIONS; i++) {
    const bytes = mutate(original, next);
    try {
      await inspect(bufferSource(bytes));
      outcomes.accepted++;
    } catch (error) {
      if (!(error instanceof FormatError))
        throw new Error(`iteration ${i} (seed ${seed}) threw ${String(error)}; input ${bytes.toString('base64')}`);
      outcomes.rejected++;
    }
  }
  // Both paths ran: the mutations are neither all harmless nor all fatal.
  expect(outcomes.rejected).toBeGreaterThan(ITERATIONS / 4);
  expect(outcomes.accepted + outcomes.rejected).toBe(ITERATIONS);
  return outcomes;
}

describe('fuzzing the parsers with mutated valid files', () => {
  it('safetensors: every mutation is inspected or refused with a FormatError', async () => {
    const file = safetensorsFile(
      { 'a.weight': { dtype: 'F16', shape: [3, 2] }, 'b.bias': { dtype: 'F32', shape: [2] }, c: { dtype: 'F4', shape: [4] } },
      { format: 'pt' },
    );
    await fuzz(1, file, inspectSafetensors);
  });

  it('GGUF: every mutation is inspected or refused with a FormatError', async () => {
    const file = ggufFile({
      kv: [
        kv.string('general.architecture', 'llama'),
        kv.u32('llama.context_length', 2048),
        kv.u32('general.alignment', 32),
        kv.array('tokenizer.ggml.tokens', T.string, ['a', 'bb', 'ccc']),
        kv.array('nested', T.array, [{ type: T.i32, items: [1, -1] }]),
        kv.string('tokenizer.chat_template', '{{ x }}'),
      ],
      tensors: [
        { name: 'w', dims: [64, 2], type: GGML.Q8_0 },
        { name: 'n', dims: [8], type: GGML.F32 },
      ],
    });
    await fuzz(2, file, inspectGguf);
  });

  it('JSON: every mutation is inspected or refused with a FormatError', async () => {
    const config = Buffer.from(
      JSON.stringify({
        architectures: ['LlamaForCausalLM'],
        auto_map: { AutoModel: 'modeling.M' },
        chat_template: '{% for m in messages %}{{ m.content }}{% endfor %}',
        text_config: { hidden_size: 64, nested: [[1, 2], { a: null }] },
        vocab_size: 100,
      }),
    );
    await fuzz(3, config, (source) => inspectJsonFile(source, 'config.json'));
    const index = Buffer.from(
      JSON.stringify({ metadata: { total_size: 10 }, weight_map: { a: 'model-1.safetensors', b: 'model-2.safetensors' } }),
    );
    await fuzz(4, index, readSafetensorsIndex);
  });
});
