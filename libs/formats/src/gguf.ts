import type { ByteSource } from './byte-source.js';
import { ChunkedReader } from './chunked-reader.js';
import { chatTemplateFinding } from './config-json.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { GGML_TYPES, ggmlFileTypeName, type GgmlType } from './ggml-types.js';
import { dominantDtype, safeNumber, type TensorFacts, TensorTally } from './tensor-facts.js';

/** Real headers (a 256k-token vocabulary and its merges) stay under 100 MB. */
export const GGUF_MAX_HEADER_BYTES = 256 * 1024 * 1024;
const MAGIC = Buffer.from('GGUF', 'latin1');
const SUPPORTED_VERSIONS = [2, 3];
const MAX_KEY_BYTES = 65_535;
/** ggml's GGML_MAX_NAME is 64 bytes with the terminating NUL. */
const MAX_TENSOR_NAME_BYTES = 63;
const MAX_DIMS = 4;
const MAX_ARRAY_DEPTH = 4;
const DEFAULT_ALIGNMENT = 32;
const MAX_ALIGNMENT = 1024 * 1024;
const MAX_KEPT_STRING_BYTES = 256;
const MAX_CONTEXT_LENGTH_KEYS = 16;
const INT64_MAX = 2n ** 63n - 1n;
/** The smallest key-value pair: 8-byte key length, 1-byte key, 4-byte type, 1-byte value. */
const MIN_KV_BYTES = 14;
/** The smallest tensor info: 8-byte name length, empty name, 4-byte n_dims, 4-byte type, 8-byte offset. */
const MIN_TENSOR_INFO_BYTES = 24;

/** GGUF metadata value types. */
const ValueType = {
  Uint8: 0,
  Int8: 1,
  Uint16: 2,
  Int16: 3,
  Uint32: 4,
  Int32: 5,
  Float32: 6,
  Bool: 7,
  String: 8,
  Array: 9,
  Uint64: 10,
  Int64: 11,
  Float64: 12,
} as const;
const FIXED_SIZES: ReadonlyMap<number, number> = new Map([
  [ValueType.Uint8, 1],
  [ValueType.Int8, 1],
  [ValueType.Uint16, 2],
  [ValueType.Int16, 2],
  [ValueType.Uint32, 4],
  [ValueType.Int32, 4],
  [ValueType.Float32, 4],
  [ValueType.Bool, 1],
  [ValueType.Uint64, 8],
  [ValueType.Int64, 8],
  [ValueType.Float64, 8],
]);
const INTEGER_TYPES = new Set<number>([
  ValueType.Uint8,
  ValueType.Int8,
  ValueType.Uint16,
  ValueType.Int16,
  ValueType.Uint32,
  ValueType.Int32,
  ValueType.Uint64,
  ValueType.Int64,
]);

export type GgufFacts = TensorFacts & {
  version: number;
  architecture?: string;
  name?: string;
  contextLength?: number;
  /** `general.file_type` by name, e.g. `MOSTLY_Q4_K_M`. */
  fileType?: string;
  /** The ggml type holding the most bytes, e.g. `q4_k`. */
  quantization?: string;
  alignment: number;
  metadataCount: number;
  /** Bytes before the tensor data. */
  headerBytes: number;
  hasChatTemplate: boolean;
};

interface TensorInfo {
  name: string;
  type: GgmlType;
  elements: bigint;
  bytes: bigint;
  offset: bigint;
}

/** What the key-value section says that facts need; everything else is skipped unread. */
interface Metadata {
  count: number;
  architecture?: string;
  name?: string;
  fileType?: number;
  alignment?: number;
  contextLengths: Map<string, number>;
  chatTemplateBytes?: number;
}

/**
 * Our own GGUF reader rather than @huggingface/gguf, which trusts the counts in the file: this one reads through
 * a ByteSource in chunks, checks every count and length against the bytes that remain before acting on it,
 * keeps only the few values facts need, and applies ggml's own load-time checks (gguf.cpp) to tensor infos.
 */
export async function inspectGguf(source: ByteSource): Promise<Inspection<GgufFacts>> {
  const reader = new ChunkedReader(source, {
    limit: GGUF_MAX_HEADER_BYTES,
    truncated: () => new FormatError('gguf_truncated', 'The file ended inside the GGUF header'),
    overLimit: () => new FormatError('gguf_header_too_large', `The GGUF header is larger than ${GGUF_MAX_HEADER_BYTES} bytes`),
  });
  if (source.size < 4) throw new FormatError('gguf_bad_magic', 'The file does not start with the GGUF magic');
  await reader.fill(Math.min(source.size, 24));
  if (!reader.bytes(4).equals(MAGIC)) throw new FormatError('gguf_bad_magic', 'The file does not start with the GGUF magic');
  await reader.fill(20);
  const version = readVersion(reader.u32());
  const tensorCount = reader.u64();
  const kvCount = reader.u64();
  const roomForTensors = BigInt(reader.remaining);
  if (tensorCount > INT64_MAX || tensorCount * BigInt(MIN_TENSOR_INFO_BYTES) > roomForTensors) {
    throw new FormatError('gguf_tensor_count_too_large', `${tensorCount} tensors cannot fit in a file of ${source.size} bytes`, {
      tensorCount: tensorCount.toString(),
    });
  }
  if (kvCount > INT64_MAX || kvCount * BigInt(MIN_KV_BYTES) > roomForTensors - tensorCount * BigInt(MIN_TENSOR_INFO_BYTES)) {
    throw new FormatError('gguf_kv_count_too_large', `${kvCount} metadata entries cannot fit in a file of ${source.size} bytes`, {
      kvCount: kvCount.toString(),
    });
  }

  const metadata = await readMetadata(reader, Number(kvCount));
  const alignment = metadata.alignment ?? DEFAULT_ALIGNMENT;
  const tensors = await readTensorInfos(reader, Number(tensorCount));
  const headerBytes = reader.position;
  const dataStart = alignUp(BigInt(headerBytes), alignment);
  const dataEnd = checkTensorData(tensors, dataStart, alignment, source.size);
  const tally = new TensorTally();
  for (const tensor of tensors) tally.add(tensor.type.name, tensor.elements, tensor.bytes);

  const findings: Finding[] = [];
  const trailing = BigInt(source.size) - alignUp(dataEnd, alignment);
  if (trailing > 0n) {
    findings.push({
      severity: 'warning',
      code: 'gguf_trailing_data',
      message: `${trailing} bytes after the last tensor belong to no tensor`,
      evidence: { bytes: safeNumber(trailing, 'trailing bytes') },
    });
  }
  if (metadata.chatTemplateBytes !== undefined)
    findings.push(chatTemplateFinding('The GGUF metadata (tokenizer.chat_template)', metadata.chatTemplateBytes));

  const tensorFacts = tally.facts();
  const contextLength =
    metadata.architecture === undefined ? undefined : metadata.contextLengths.get(`${metadata.architecture}.context_length`);
  const quantization = dominantDtype(tensorFacts);
  const facts: GgufFacts = {
    ...tensorFacts,
    version,
    ...(metadata.architecture === undefined ? {} : { architecture: metadata.architecture }),
    ...(metadata.name === undefined ? {} : { name: metadata.name }),
    ...(contextLength === undefined ? {} : { contextLength }),
    ...(metadata.fileType === undefined ? {} : { fileType: ggmlFileTypeName(metadata.fileType) }),
    ...(quantization === undefined ? {} : { quantization }),
    alignment,
    metadataCount: metadata.count,
    headerBytes,
    hasChatTemplate: metadata.chatTemplateBytes !== undefined,
  };
  return { facts, findings };
}

function readVersion(version: number): number {
  if (SUPPORTED_VERSIONS.includes(version)) return version;
  const swapped = Buffer.alloc(4);
  swapped.writeUInt32LE(version);
  const bigEndian = swapped.readUInt32BE(0);
  if (bigEndian >= 1 && bigEndian <= 3) {
    throw new FormatError('gguf_byte_swapped', 'The GGUF file is big-endian; only little-endian GGUF is accepted', { version: bigEndian });
  }
  throw new FormatError('gguf_unsupported_version', `GGUF version ${version} is not supported (2 and 3 are)`, { version });
}

async function readMetadata(reader: ChunkedReader, count: number): Promise<Metadata> {
  const metadata: Metadata = { count, contextLengths: new Map() };
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const key = await readKey(reader);
    if (seen.has(key)) {
      const display = Buffer.from(key, 'latin1').toString('utf8').slice(0, 200);
      throw new FormatError('gguf_duplicate_key', `Metadata key ${display} appears twice`, { key: display });
    }
    seen.add(key);
    if (!reader.has(4)) await reader.fill(4);
    const type = readValueType(reader.u32());
    if ((key === 'general.architecture' || key === 'general.name') && type === ValueType.String) {
      const text = await readShortString(reader);
      if (key === 'general.architecture') metadata.architecture = text;
      else metadata.name = text;
    } else if (key === 'general.alignment') {
      if (type !== ValueType.Uint32) throw new FormatError('gguf_bad_alignment', 'general.alignment is not a uint32');
      await reader.fill(4);
      metadata.alignment = checkAlignment(reader.u32());
    } else if (key === 'general.file_type' && INTEGER_TYPES.has(type)) {
      metadata.fileType = await readInteger(reader, type);
    } else if (key.endsWith('.context_length') && INTEGER_TYPES.has(type) && metadata.contextLengths.size < MAX_CONTEXT_LENGTH_KEYS) {
      metadata.contextLengths.set(key, await readInteger(reader, type));
    } else if ((key === 'tokenizer.chat_template' || key.startsWith('tokenizer.chat_template.')) && type === ValueType.String) {
      const length = await readStringLength(reader);
      reader.skip(length);
      metadata.chatTemplateBytes = (metadata.chatTemplateBytes ?? 0) + length;
    } else {
      await skipValue(reader, type, 0);
    }
  }
  return metadata;
}

/** Keys as latin1 strings: byte-exact for duplicate checks, and ASCII keys compare as written. */
async function readKey(reader: ChunkedReader): Promise<string> {
  if (!reader.has(8)) await reader.fill(8);
  const length = reader.u64();
  if (length === 0n) throw new FormatError('gguf_empty_key', 'A metadata key is empty');
  if (length > BigInt(MAX_KEY_BYTES)) {
    throw new FormatError('gguf_key_too_long', `A metadata key is ${length} bytes long, over ${MAX_KEY_BYTES}`, {
      length: length.toString(),
    });
  }
  if (!reader.has(Number(length))) await reader.fill(Number(length));
  return reader.bytes(Number(length)).toString('latin1');
}

function readValueType(type: number): number {
  if (type > ValueType.Float64) throw new FormatError('gguf_bad_value_type', `Metadata value type ${type} does not exist`, { type });
  return type;
}

async function readStringLength(reader: ChunkedReader): Promise<number> {
  if (!reader.has(8)) await reader.fill(8);
  return takeStringLength(reader);
}

function takeStringLength(reader: ChunkedReader): number {
  const length = reader.u64();
  if (length > BigInt(reader.remaining)) {
    throw new FormatError('gguf_string_too_long', `A string claims ${length} bytes, more than the file has left`, {
      length: length.toString(),
    });
  }
  return Number(length);
}

async function readShortString(reader: ChunkedReader): Promise<string> {
  const length = await readStringLength(reader);
  const kept = Math.min(length, MAX_KEPT_STRING_BYTES);
  await reader.fill(kept);
  const text = reader.bytes(kept).toString('utf8');
  reader.skip(length - kept);
  return text;
}

async function readInteger(reader: ChunkedReader, type: number): Promise<number> {
  const size = FIXED_SIZES.get(type) ?? 0;
  await reader.fill(size);
  const bytes = reader.bytes(size);
  switch (type) {
    case ValueType.Uint8:
      return bytes.readUInt8(0);
    case ValueType.Int8:
      return bytes.readInt8(0);
    case ValueType.Uint16:
      return bytes.readUInt16LE(0);
    case ValueType.Int16:
      return bytes.readInt16LE(0);
    case ValueType.Uint32:
      return bytes.readUInt32LE(0);
    case ValueType.Int32:
      return bytes.readInt32LE(0);
    case ValueType.Uint64:
      return Number(bytes.readBigUInt64LE(0));
    default:
      return Number(bytes.readBigInt64LE(0));
  }
}

async function skipValue(reader: ChunkedReader, type: number, depth: number): Promise<void> {
  const size = FIXED_SIZES.get(type);
  if (size !== undefined) return reader.skip(size);
  if (type === ValueType.String) return reader.skip(await readStringLength(reader));
  await skipArray(reader, depth + 1);
}

async function skipArray(reader: ChunkedReader, depth: number): Promise<void> {
  if (depth > MAX_ARRAY_DEPTH) throw new FormatError('gguf_array_too_deep', `Metadata arrays nest deeper than ${MAX_ARRAY_DEPTH}`);
  if (!reader.has(12)) await reader.fill(12);
  const type = readValueType(reader.u32());
  const count = reader.u64();
  const elementSize = FIXED_SIZES.get(type);
  const minimum = BigInt(elementSize ?? (type === ValueType.String ? 8 : 12));
  if (count * minimum > BigInt(reader.remaining)) {
    throw new FormatError('gguf_array_too_long', `An array claims ${count} elements, more than the file could hold`, {
      count: count.toString(),
    });
  }
  if (elementSize !== undefined) return reader.skip(Number(count) * elementSize);
  for (let i = 0; i < Number(count); i++) {
    if (type === ValueType.Array) {
      await skipArray(reader, depth + 1);
    } else {
      // Tokenizer vocabularies are arrays of hundreds of thousands of strings: no await while buffered.
      if (!reader.has(8)) await reader.fill(8);
      reader.skip(takeStringLength(reader));
    }
  }
}

function checkAlignment(alignment: number): number {
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0 || alignment > MAX_ALIGNMENT) {
    throw new FormatError('gguf_bad_alignment', `general.alignment ${alignment} is not a power of two up to ${MAX_ALIGNMENT}`, {
      alignment,
    });
  }
  return alignment;
}

async function readTensorInfos(reader: ChunkedReader, count: number): Promise<TensorInfo[]> {
  const tensors: TensorInfo[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (!reader.has(8)) await reader.fill(8);
    const nameLength = reader.u64();
    if (nameLength > BigInt(MAX_TENSOR_NAME_BYTES)) {
      throw new FormatError('gguf_tensor_name_too_long', `Tensor ${i} has a ${nameLength}-byte name, over ${MAX_TENSOR_NAME_BYTES}`, {
        length: nameLength.toString(),
      });
    }
    if (!reader.has(Number(nameLength) + 4)) await reader.fill(Number(nameLength) + 4);
    const name = reader.bytes(Number(nameLength)).toString('latin1');
    const display = Buffer.from(name, 'latin1').toString('utf8');
    if (names.has(name)) throw new FormatError('gguf_duplicate_tensor', `Tensor ${display} appears twice`, { tensor: display });
    names.add(name);
    const dimCount = reader.u32();
    if (dimCount > MAX_DIMS)
      throw new FormatError('gguf_too_many_dims', `Tensor ${display} has ${dimCount} dimensions, over ${MAX_DIMS}`, {
        tensor: display,
        dimCount,
      });
    if (!reader.has(dimCount * 8 + 12)) await reader.fill(dimCount * 8 + 12);
    const dims = Array.from({ length: dimCount }, () => reader.u64());
    const elements = dims.reduce((product, dim) => product * dim, 1n);
    if (dims.some((dim) => dim > INT64_MAX) || elements > INT64_MAX) {
      throw new FormatError('gguf_dims_overflow', `Tensor ${display} has dimensions whose product overflows 64 bits`, {
        tensor: display,
        dims: dims.map(String),
      });
    }
    const typeId = reader.u32();
    const type = GGML_TYPES.get(typeId);
    if (!type)
      throw new FormatError('gguf_unknown_tensor_type', `Tensor ${display} has unknown ggml type ${typeId}`, {
        tensor: display,
        type: typeId,
      });
    if ((dims[0] ?? 1n) % BigInt(type.blockElements) !== 0n) {
      throw new FormatError('gguf_partial_block', `Tensor ${display} rows are not a whole number of ${type.name} blocks`, {
        tensor: display,
      });
    }
    const bytes = (elements / BigInt(type.blockElements)) * BigInt(type.blockBytes);
    tensors.push({ name: display, type, elements, bytes, offset: reader.u64() });
  }
  return tensors;
}

/** As ggml loads them: each tensor aligned, in the file, right after the previous one's padded end. Returns the data end. */
function checkTensorData(tensors: TensorInfo[], dataStart: bigint, alignment: number, fileSize: number): bigint {
  if (tensors.length > 0 && dataStart > BigInt(fileSize))
    throw new FormatError('gguf_truncated', 'The file ends before its tensor data starts');
  const dataBytes = BigInt(fileSize) - dataStart;
  let expected = 0n;
  for (const tensor of tensors) {
    const evidence = { tensor: tensor.name, offset: tensor.offset.toString() };
    if (tensor.offset % BigInt(alignment) !== 0n) {
      throw new FormatError('gguf_misaligned_tensor', `Tensor ${tensor.name} is not aligned to ${alignment} bytes`, evidence);
    }
    if (tensor.offset + tensor.bytes > dataBytes) {
      throw new FormatError('gguf_tensor_out_of_bounds', `Tensor ${tensor.name} lies past the end of the file`, {
        ...evidence,
        bytes: tensor.bytes.toString(),
      });
    }
    if (tensor.offset !== expected) {
      throw new FormatError('gguf_tensor_offset_mismatch', `Tensor ${tensor.name} does not start where the previous tensor ends`, {
        ...evidence,
        expected: expected.toString(),
      });
    }
    expected = alignUp(tensor.offset + tensor.bytes, alignment);
  }
  return dataStart + expected;
}

function alignUp(value: bigint, alignment: number): bigint {
  const step = BigInt(alignment);
  return ((value + step - 1n) / step) * step;
}
