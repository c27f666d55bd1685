import { numberToFloat16Bits } from '../libs/inference/src/float16.js';
import { seededRandom } from '../libs/inference/src/seeded-random.js';
import { ByteWriter, GGML, type Kv, kv, T } from '../libs/formats/test/gguf-writer.js';

/**
 * A tiny Llama for the tests, written here byte by byte: the llama architecture's hyperparameters and
 * tensors as llama.cpp loads them (llama-model.cpp), a SentencePiece tokenizer section with byte
 * fallback (llama-vocab.cpp), seeded random weights. llama.cpp on the CPU loads it in milliseconds, and
 * that is the proof the bytes are right.
 */
export type TinyLlamaOptions = {
  /** `q8_0` quantizes every matrix the way llama-quantize does (norms stay F32). Default `f32`. */
  weights?: 'f32' | 'q8_0';
  /** Seeds the weights; the same seed gives the same bytes. Default 1. */
  seed?: number;
  /** `general.architecture`; anything but `llama` is an architecture llama.cpp does not know. */
  architecture?: string;
  /** `tokenizer.chat_template`; ChatML by default, `null` for none. */
  chatTemplate?: string | null;
  /** Sizes other than TINY_LLAMA's (the embedding must stay a multiple of 32 × heads for Q8_0). */
  dimensions?: Partial<Dimensions>;
  /**
   * Only the header, with every tensor declared at its full size: a truncated file, or, with large dimensions, a
   * model whose weights would not fit in memory, written in milliseconds.
   */
  headerOnly?: boolean;
};

type Dimensions = { embedding: number; heads: number; kvHeads: number; feedForward: number; layers: number; contextLength: number };
export const TINY_LLAMA: Readonly<Dimensions> = { embedding: 64, heads: 4, kvHeads: 2, feedForward: 128, layers: 2, contextLength: 512 };

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** llama.cpp's token types (llama-vocab.h). */
const TokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;
const WORDS = ['the', 'a', 'and', 'of', 'to', 'in', 'is', 'model', 'weights', 'token', 'registry', 'review', 'test', 'llama'];
const CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?\'"-()';
const SPACE = '\u2581';

type Vocabulary = { tokens: string[]; scores: number[]; types: number[] };

/** Specials, all 256 byte tokens (any text tokenizes), single characters, then each word's prefixes so merges reach it. */
function vocabulary(): Vocabulary {
  const vocabulary: Vocabulary = { tokens: [], scores: [], types: [] };
  const add = (token: string, score: number, type: number): void => {
    if (vocabulary.tokens.includes(token)) return;
    vocabulary.tokens.push(token);
    vocabulary.scores.push(score);
    vocabulary.types.push(type);
  };
  add('<unk>', 0, TokenType.unknown);
  add('<s>', 0, TokenType.control);
  add('</s>', 0, TokenType.control);
  add('<|im_start|>', 0, TokenType.control);
  add('<|im_end|>', 0, TokenType.control);
  for (let byte = 0; byte < 256; byte += 1) add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, 0, TokenType.byte);
  for (const character of [SPACE, ...CHARACTERS]) add(character, -1, TokenType.normal);
  // SentencePiece merges the best-scoring pair first: longer pieces score higher.
  for (const word of WORDS) {
    const piece = SPACE + word;
    for (let end = 2; end <= piece.length; end += 1) add(piece.slice(0, end), end, TokenType.normal);
  }
  return vocabulary;
}

type Tensor = { name: string; dims: number[]; type: number; bytes: number; data?: Buffer };

export function tinyLlamaGguf(options: TinyLlamaOptions = {}): Buffer {
  const { metadata, tensors } = tinyLlama(options);
  return ggufBytes(metadata, tensors);
}

/**
 * The same model as llama.cpp's gguf-split writes it: `split.*` keys in every shard, the model's metadata in
 * the first, the tensors shared out in order. Name them `<stem>-00001-of-0000N.gguf`, … for llama.cpp to find them.
 */
export function tinyLlamaGgufShards(parts: number, options: TinyLlamaOptions = {}): Buffer[] {
  const { metadata, tensors } = tinyLlama(options);
  const perShard = Math.ceil(tensors.length / parts);
  return Array.from({ length: parts }, (_, index) => {
    const split = [
      { key: 'split.no', type: T.u16, value: index },
      { key: 'split.count', type: T.u16, value: parts },
      { key: 'split.tensors.count', type: T.i32, value: tensors.length },
    ];
    return ggufBytes([...(index === 0 ? metadata : []), ...split], tensors.slice(index * perShard, (index + 1) * perShard));
  });
}

function tinyLlama(options: TinyLlamaOptions): { metadata: Kv[]; tensors: Tensor[] } {
  const { embedding, heads, kvHeads, feedForward, layers, contextLength } = { ...TINY_LLAMA, ...options.dimensions };
  const quantized = options.weights === 'q8_0';
  const architecture = options.architecture ?? 'llama';
  const chatTemplate = options.chatTemplate === undefined ? CHATML_TEMPLATE : options.chatTemplate;
  const vocab = vocabulary();
  const headSize = embedding / heads;
  const random = seededRandom(options.seed ?? 1);
  const matrix = (name: string, columns: number, rows: number): Tensor => {
    const type = quantized ? GGML.Q8_0 : GGML.F32;
    const bytes = quantized ? (columns * rows * Q8_0_BLOCK_BYTES) / Q8_0_BLOCK : columns * rows * 4;
    if (options.headerOnly) return { name, dims: [columns, rows], type, bytes };
    // Uniform with the variance of a 1/sqrt(fan-in) initialisation, so activations and logits stay in range.
    const bound = Math.sqrt(3 / columns);
    const values = Float32Array.from({ length: columns * rows }, () => (random() * 2 - 1) * bound);
    return { name, dims: [columns, rows], type, bytes, data: quantized ? q8_0(values) : f32(values) };
  };
  const norm = (name: string): Tensor => ({
    name,
    dims: [embedding],
    type: GGML.F32,
    bytes: embedding * 4,
    ...(!options.headerOnly && { data: f32(new Float32Array(embedding).fill(1)) }),
  });

  const tensors = [
    matrix('token_embd.weight', embedding, vocab.tokens.length),
    norm('output_norm.weight'),
    matrix('output.weight', embedding, vocab.tokens.length),
  ];
  for (let layer = 0; layer < layers; layer += 1) {
    const block = `blk.${layer}`;
    tensors.push(
      norm(`${block}.attn_norm.weight`),
      matrix(`${block}.attn_q.weight`, embedding, headSize * heads),
      matrix(`${block}.attn_k.weight`, embedding, headSize * kvHeads),
      matrix(`${block}.attn_v.weight`, embedding, headSize * kvHeads),
      matrix(`${block}.attn_output.weight`, headSize * heads, embedding),
      norm(`${block}.ffn_norm.weight`),
      matrix(`${block}.ffn_gate.weight`, embedding, feedForward),
      matrix(`${block}.ffn_down.weight`, feedForward, embedding),
      matrix(`${block}.ffn_up.weight`, embedding, feedForward),
    );
  }
  const metadata: Kv[] = [
    kv.string('general.architecture', architecture),
    kv.string('general.name', `tiny-llama-${options.weights ?? 'f32'}`),
    kv.u32('general.file_type', quantized ? 7 : 0),
    kv.u32(`${architecture}.context_length`, contextLength),
    kv.u32(`${architecture}.embedding_length`, embedding),
    kv.u32(`${architecture}.block_count`, layers),
    kv.u32(`${architecture}.feed_forward_length`, feedForward),
    kv.u32(`${architecture}.attention.head_count`, heads),
    kv.u32(`${architecture}.attention.head_count_kv`, kvHeads),
    kv.u32(`${architecture}.rope.dimension_count`, headSize),
    { key: `${architecture}.attention.layer_norm_rms_epsilon`, type: T.f32, value: 1e-5 },
    kv.string('tokenizer.ggml.model', 'llama'),
    kv.array('tokenizer.ggml.tokens', T.string, vocab.tokens),
    kv.array('tokenizer.ggml.scores', T.f32, vocab.scores),
    kv.array('tokenizer.ggml.token_type', T.i32, vocab.types),
    kv.u32('tokenizer.ggml.unknown_token_id', 0),
    kv.u32('tokenizer.ggml.bos_token_id', 1),
    kv.u32('tokenizer.ggml.eos_token_id', 2),
    { key: 'tokenizer.ggml.add_bos_token', type: T.bool, value: 1 },
    ...(chatTemplate === null ? [] : [kv.string('tokenizer.chat_template', chatTemplate)]),
  ];
  return { metadata, tensors };
}

const ALIGNMENT = 32;
const Q8_0_BLOCK = 32;
/** ggml's block_q8_0: an f16 scale d = max|x| / 127, then 32 int8 round(x / d). */
const Q8_0_BLOCK_BYTES = 2 + Q8_0_BLOCK;
const padding = (length: number): Buffer => Buffer.alloc((ALIGNMENT - (length % ALIGNMENT)) % ALIGNMENT);

function ggufBytes(metadata: Kv[], tensors: Tensor[]): Buffer {
  const header = new ByteWriter().raw(Buffer.from('GGUF', 'latin1')).u32(3).u64(tensors.length).u64(metadata.length);
  for (const { key, type, value } of metadata) header.string(key).u32(type).value(type, value);
  let offset = 0;
  for (const tensor of tensors) {
    header.string(tensor.name).u32(tensor.dims.length);
    for (const dim of tensor.dims) header.u64(dim);
    header.u32(tensor.type).u64(offset);
    offset += tensor.bytes + padding(tensor.bytes).length;
  }
  header.raw(padding(header.length));
  return Buffer.concat([header.build(), ...tensors.flatMap((tensor) => (tensor.data ? [tensor.data, padding(tensor.bytes)] : []))]);
}

const f32 = (values: Float32Array): Buffer => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

function q8_0(values: Float32Array): Buffer {
  const out = Buffer.alloc((values.length / Q8_0_BLOCK) * Q8_0_BLOCK_BYTES);
  for (let block = 0; block * Q8_0_BLOCK < values.length; block += 1) {
    const slice = values.subarray(block * Q8_0_BLOCK, (block + 1) * Q8_0_BLOCK);
    const scale = slice.reduce((max, value) => Math.max(max, Math.abs(value)), 0) / 127;
    const at = block * Q8_0_BLOCK_BYTES;
    out.writeUInt16LE(numberToFloat16Bits(scale), at);
    slice.forEach((value, index) => out.writeInt8(scale === 0 ? 0 : Math.round(value / scale), at + 2 + index));
  }
  return out;
}
