import type { ByteSource } from './byte-source.js';
import { isSafetensorsDtype, SAFETENSORS_DTYPES } from './dtypes.js';
import { FormatError, type Inspection } from './finding.js';
import { scanJsonStructure } from './json-scan.js';
import { type TensorFacts, TensorTally } from './tensor-facts.js';

/** The reference reader's cap (`MAX_HEADER_SIZE` in safetensors' tensor.rs). */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;
/** A valid header nests three levels (`{name: {shape: []}}`). */
const HEADER_MAX_DEPTH = 4;
const MAX_METADATA_ENTRIES = 64;
const MAX_METADATA_KEY_CHARS = 256;
const MAX_METADATA_VALUE_CHARS = 1024;
const MAX_EVIDENCE_CHARS = 200;
const TENSOR_FIELDS = ['data_offsets', 'dtype', 'shape'];
const U64_MAX = 2n ** 64n - 1n;

export type SafetensorsFacts = TensorFacts & {
  /** N, the length of the JSON header. */
  headerBytes: number;
  /** `__metadata__`, the first entries, long values clipped. */
  metadata: Record<string, string>;
  metadataTruncated?: true;
};

export interface SafetensorsInspection extends Inspection<SafetensorsFacts> {
  /** Every tensor name, for checking a shard against its index. Not a fact: it can be long. */
  tensorNames: string[];
}

interface TensorEntry {
  name: string;
  begin: number;
  end: number;
}

/**
 * Reads the 8-byte length and the JSON header, nothing of the data, and checks them as strictly as the
 * reference reader does, and stricter where it is lenient: duplicate keys (serde keeps the last), unknown
 * fields and whitespace before the opening `{` are refused. No writer produces those; refusing them keeps
 * every reader of the file agreeing on what it holds.
 */
export async function inspectSafetensors(source: ByteSource): Promise<SafetensorsInspection> {
  if (source.size < 8) throw new FormatError('safetensors_too_small', 'The file is shorter than the 8-byte header length');
  const prefix = await readExactly(source, 0, 8);
  const declared = prefix.readBigUInt64LE(0);
  if (declared > BigInt(SAFETENSORS_MAX_HEADER_BYTES)) {
    throw new FormatError(
      'safetensors_header_too_large',
      `The header is declared ${declared} bytes, over the ${SAFETENSORS_MAX_HEADER_BYTES} limit`,
      {
        declared: declared.toString(),
      },
    );
  }
  const headerBytes = Number(declared);
  if (8 + headerBytes > source.size) {
    throw new FormatError('safetensors_header_past_eof', `The header is declared ${headerBytes} bytes, past the end of the file`, {
      declared: headerBytes,
      size: source.size,
    });
  }
  const header = parseHeader(await readExactly(source, 8, headerBytes));
  const dataBytes = source.size - 8 - headerBytes;
  const tally = new TensorTally();
  const tensors: TensorEntry[] = [];
  let metadata: Pick<SafetensorsFacts, 'metadata' | 'metadataTruncated'> = { metadata: {} };
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = readMetadata(entry);
      continue;
    }
    const tensor = readTensor(name, entry);
    tally.add(SAFETENSORS_DTYPES[tensor.dtype].name, tensor.parameters, BigInt(tensor.end - tensor.begin));
    tensors.push(tensor);
  }
  checkLayout(tensors, dataBytes);
  const facts: SafetensorsFacts = { ...tally.facts(), headerBytes, ...metadata };
  return { facts, findings: [], tensorNames: tensors.map((tensor) => tensor.name) };
}

async function readExactly(source: ByteSource, offset: number, length: number): Promise<Buffer> {
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw new FormatError('safetensors_truncated', 'The file ended while reading its header');
  return bytes;
}

function parseHeader(bytes: Buffer): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FormatError('safetensors_header_not_utf8', 'The header is not valid UTF-8');
  }
  if (/^\s/.test(text)) throw new FormatError('safetensors_header_leading_whitespace', 'The header starts with whitespace instead of `{`');
  if (!text.startsWith('{')) throw new FormatError('safetensors_header_not_object', 'The header is not a JSON object');
  const { tooDeep, duplicateKeys } = scanJsonStructure(text, HEADER_MAX_DEPTH);
  if (tooDeep) throw new FormatError('safetensors_header_too_deep', 'The header nests deeper than a tensor table can');
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    throw new FormatError('safetensors_header_not_json', 'The header is not valid JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new FormatError('safetensors_header_not_object', 'The header is not a JSON object');
  }
  if (duplicateKeys.length > 0) {
    throw new FormatError('safetensors_duplicate_key', 'The header repeats a key: readers disagree on which one counts', {
      keys: duplicateKeys.map(clip),
    });
  }
  return header as Record<string, unknown>;
}

function readTensor(name: string, entry: unknown) {
  const evidence = { tensor: clip(name) };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new FormatError('safetensors_bad_tensor_entry', `Tensor ${clip(name)} is not an object`, evidence);
  }
  const fields = Object.keys(entry).sort();
  if (fields.join() !== TENSOR_FIELDS.join()) {
    throw new FormatError('safetensors_bad_tensor_entry', `Tensor ${clip(name)} must have exactly dtype, shape and data_offsets`, {
      ...evidence,
      fields: fields.slice(0, 10).map(clip),
    });
  }
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (!isSafetensorsDtype(dtype)) {
    throw new FormatError('safetensors_unknown_dtype', `Tensor ${clip(name)} has an unknown dtype`, {
      ...evidence,
      dtype: clip(String(dtype)),
    });
  }
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    throw new FormatError(
      'safetensors_bad_shape',
      `Tensor ${clip(name)} has a shape that is not a list of non-negative integers`,
      evidence,
    );
  }
  if (!isOffsetPair(offsets)) {
    throw new FormatError('safetensors_bad_offsets', `Tensor ${clip(name)} has data_offsets that are not [begin, end]`, evidence);
  }
  const [begin, end] = offsets;
  const parameters = shape.reduce((product, dim) => product * BigInt(dim), 1n);
  const bits = parameters * BigInt(SAFETENSORS_DTYPES[dtype].bits);
  if (bits > U64_MAX) {
    throw new FormatError('safetensors_shape_overflow', `Tensor ${clip(name)} has a shape whose size overflows 64 bits`, {
      ...evidence,
      shape: shape.map(String),
    });
  }
  if (bits % 8n !== 0n)
    throw new FormatError('safetensors_partial_byte', `Tensor ${clip(name)} does not fill a whole number of bytes`, evidence);
  if (bits / 8n !== BigInt(end - begin)) {
    throw new FormatError(
      'safetensors_size_mismatch',
      `Tensor ${clip(name)} declares ${end - begin} bytes but its shape and dtype need ${bits / 8n}`,
      {
        ...evidence,
        declared: end - begin,
        expected: (bits / 8n).toString(),
      },
    );
  }
  return { name, dtype, parameters, begin, end };
}

/** Sorted by offset, the tensors tile the data buffer exactly: no overlap, no gap, nothing after. */
function checkLayout(tensors: TensorEntry[], dataBytes: number): void {
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expected = 0;
  for (const tensor of sorted) {
    const evidence = { tensor: clip(tensor.name), begin: tensor.begin, expected };
    if (tensor.begin < expected)
      throw new FormatError('safetensors_offsets_overlap', `Tensor ${clip(tensor.name)} overlaps the one before it`, evidence);
    if (tensor.begin > expected)
      throw new FormatError('safetensors_offsets_gap', `Unclaimed bytes lie before tensor ${clip(tensor.name)}`, evidence);
    expected = tensor.end;
  }
  if (expected > dataBytes) {
    throw new FormatError('safetensors_data_past_eof', 'The tensors extend past the end of the file', { dataEnd: expected, dataBytes });
  }
  if (expected < dataBytes) {
    throw new FormatError('safetensors_trailing_bytes', `${dataBytes - expected} bytes after the last tensor belong to no tensor`, {
      dataEnd: expected,
      dataBytes,
    });
  }
}

function readMetadata(value: unknown): Pick<SafetensorsFacts, 'metadata' | 'metadataTruncated'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FormatError('safetensors_bad_metadata', '__metadata__ is not an object of strings');
  }
  const entries = Object.entries(value);
  if (!entries.every(([, text]) => typeof text === 'string')) {
    throw new FormatError('safetensors_bad_metadata', '__metadata__ holds a value that is not a string');
  }
  const kept = entries.slice(0, MAX_METADATA_ENTRIES);
  const truncated =
    kept.length < entries.length ||
    kept.some(([key, text]) => key.length > MAX_METADATA_KEY_CHARS || (text as string).length > MAX_METADATA_VALUE_CHARS);
  const metadata = Object.fromEntries(
    kept.map(([key, text]) => [key.slice(0, MAX_METADATA_KEY_CHARS), (text as string).slice(0, MAX_METADATA_VALUE_CHARS)]),
  );
  return truncated ? { metadata, metadataTruncated: true } : { metadata };
}

function isOffsetPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every(isCount) && (value[0] as number) <= (value[1] as number);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text;
}
