import type { ByteSource } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { type PickleLimits, scanPickle } from './pickle.js';
import { type PyLiteral, parsePythonLiteral, pythonRepr } from './python-literal.js';

/** A type, not an interface, so it is assignable to JSON columns. */
export type NpyFacts = {
  /** The header's `descr`: `<f4`, `|O`, or a structured dtype as Python writes it. */
  dtype: string;
  shape: number[];
  fortranOrder: boolean;
  elements: number;
};

export interface NpyHeader {
  facts: NpyFacts;
  /** Where the array data (or, for an object dtype, the pickle) starts. */
  dataOffset: number;
  /** Python objects: the data is a pickle that `np.load(allow_pickle=True)` unpickles. */
  objectDtype: boolean;
  /** Bytes per element; undefined for object and unrecognized dtypes. */
  itemBytes?: number;
}

const NPY_MAGIC = Buffer.from('\x93NUMPY', 'latin1');
/** NumPy refuses headers over 10,000 bytes unless `allow_pickle` is set; past this, one is malformed here. */
const NPY_MAX_HEADER_BYTES = 64 * 1024;
/** Magic, version, and the 4-byte header length of versions 2 and 3. */
const NPY_PREAMBLE_BYTES = 12;
/** Everything a header can occupy: read this much to parse one. */
export const NPY_HEAD_BYTES = NPY_PREAMBLE_BYTES + NPY_MAX_HEADER_BYTES;
const MAX_LITERAL_DEPTH = 16;
const EXPECTED_KEYS = ['descr', 'fortran_order', 'shape'];

/**
 * A NumPy `.npy` file: its header only (magic, version 1–3, a Python dict literal parsed strictly, never
 * evaluated). An object dtype is critical — `np.load` unpickles it given `allow_pickle=True` — and the pickle
 * after the header is walked so that its imports are reported too. Throws FormatError when it is no `.npy`.
 */
export async function inspectNpy(source: ByteSource, name: string, limits?: Partial<PickleLimits>): Promise<Inspection<NpyFacts>> {
  const header = parseNpyHeader(await source.read(0, NPY_HEAD_BYTES));
  const findings = npyFindings(header, source.size, name);
  if (header.objectDtype) findings.push(...(await scanPickle(source, { name, start: header.dataOffset, limits })).findings);
  return { facts: header.facts, findings };
}

/** Parses the header at the start of `head` (the first `NPY_HEAD_BYTES` of the file, or all of a shorter one). */
export function parseNpyHeader(head: Buffer): NpyHeader {
  if (head.length < 10 || !head.subarray(0, NPY_MAGIC.length).equals(NPY_MAGIC)) {
    throw malformed('The file does not start with the NPY magic');
  }
  const [major, minor] = [head[6]!, head[7]!];
  if (major < 1 || major > 3 || minor !== 0) throw malformed(`NPY version ${major}.${minor} does not exist`, { major, minor });
  const lengthBytes = major === 1 ? 2 : 4;
  if (head.length < 8 + lengthBytes) throw malformed('The file ends inside the NPY preamble');
  const headerLength = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (headerLength > NPY_MAX_HEADER_BYTES) throw malformed(`The header is ${headerLength} bytes, over the ${NPY_MAX_HEADER_BYTES} limit`);
  if (dataOffset > head.length) throw malformed('The header runs past the end of the file', { headerLength });
  const text = decodeHeader(head.subarray(8 + lengthBytes, dataOffset), major);
  const literal = parsePythonLiteral(text, { errorCode: 'npy_malformed', maxDepth: MAX_LITERAL_DEPTH, longSuffix: major < 3 });
  if (typeof literal !== 'object' || literal === null || literal.kind !== 'dict') throw malformed('The header is not a dict');
  const keys = [...literal.entries.keys()].sort();
  if (keys.join() !== EXPECTED_KEYS.join()) throw malformed(`The header's keys are ${keys.join(', ')}`, { keys });
  const descr = literal.entries.get('descr')!;
  const fortranOrder = literal.entries.get('fortran_order');
  if (typeof fortranOrder !== 'boolean') throw malformed('fortran_order is not a boolean');
  const shape = dimensions(literal.entries.get('shape')!, 'shape');
  const elements = shape.reduce((product, dimension) => product * BigInt(dimension), 1n);
  if (elements > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed('The shape holds more elements than can be counted exactly');
  const dtype = describeDtype(descr, 0);
  return {
    facts: { dtype: typeof descr === 'string' ? descr : pythonRepr(descr), shape, fortranOrder, elements: Number(elements) },
    dataOffset,
    objectDtype: dtype.object,
    ...(dtype.itemBytes !== undefined && !dtype.object ? { itemBytes: dtype.itemBytes } : {}),
  };
}

/** What the header tells a reviewer: objects to unpickle, a dtype nobody can vouch for, data that does not fit. */
export function npyFindings(header: NpyHeader, fileSize: number, name: string): Finding[] {
  const evidence = { name, dtype: header.facts.dtype };
  if (header.objectDtype) {
    return [
      {
        severity: 'critical',
        code: 'npy_object_dtype',
        message: `${name} holds Python objects: loading it needs allow_pickle=True, which unpickles them`,
        evidence,
      },
    ];
  }
  if (header.itemBytes === undefined) {
    return [
      {
        severity: 'critical',
        code: 'npy_unsupported_dtype',
        message: `${name} declares the dtype ${header.facts.dtype.slice(0, 200)}, which NumPy's writer never does: it may stand for Python objects`,
        evidence,
      },
    ];
  }
  const expected = BigInt(header.facts.elements) * BigInt(header.itemBytes);
  const actual = BigInt(fileSize - header.dataOffset);
  if (actual < expected) {
    return [
      {
        severity: 'critical',
        code: 'npy_truncated',
        message: `${name} holds ${actual} bytes of data where its shape needs ${expected}`,
        evidence: { ...evidence, expected: expected.toString(), actual: actual.toString() },
      },
    ];
  }
  if (actual > expected) {
    return [
      {
        severity: 'warning',
        code: 'npy_trailing_data',
        message: `${actual - expected} bytes follow ${name}'s array data; NumPy never reads them`,
        evidence: { ...evidence, offset: header.dataOffset + Number(expected) },
      },
    ];
  }
  return [];
}

function decodeHeader(bytes: Buffer, major: number): string {
  if (major < 3) return bytes.toString('latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed('A version 3 header is not UTF-8');
  }
}

/**
 * How NumPy's `descr_to_dtype` reads a descr: a dtype string, a list of fields `(name, descr[, shape])`, or a
 * subarray `(descr, shape)`. `itemBytes` is undefined where a string is not one NumPy's writer produces.
 */
function describeDtype(descr: PyLiteral, depth: number): { object: boolean; itemBytes?: number } {
  if (depth > MAX_LITERAL_DEPTH) throw malformed('The dtype nests too deeply');
  if (typeof descr === 'string') return describeDtypeString(descr);
  if (typeof descr === 'object' && descr?.kind === 'tuple' && descr.items.length === 2) {
    const base = describeDtype(descr.items[0]!, depth + 1);
    return scaled(base, dimensions(descr.items[1]!, 'subarray shape', true));
  }
  if (typeof descr === 'object' && descr?.kind === 'list') {
    let object = false;
    let itemBytes: number | undefined = 0;
    for (const field of descr.items) {
      if (typeof field !== 'object' || field?.kind !== 'tuple' || field.items.length < 2 || field.items.length > 3) {
        throw malformed('A structured dtype field is not (name, descr) or (name, descr, shape)');
      }
      const [fieldName, fieldDescr, fieldShape] = field.items;
      if (!isFieldName(fieldName!)) throw malformed('A structured dtype field has no string name');
      const fieldType = describeDtype(fieldDescr!, depth + 1);
      const sized = fieldShape === undefined ? fieldType : scaled(fieldType, dimensions(fieldShape, 'field shape', true));
      object ||= sized.object;
      itemBytes = itemBytes === undefined || sized.itemBytes === undefined ? undefined : itemBytes + sized.itemBytes;
    }
    return { object, ...(itemBytes !== undefined ? { itemBytes } : {}) };
  }
  throw malformed('descr is not a dtype');
}

/** The strings `dtype.str` writes, byte order first; `O` whatever its byte order or width. */
function describeDtypeString(descr: string): { object: boolean; itemBytes?: number } {
  const body = /^[<>|=]?(.*)$/s.exec(descr)![1]!;
  if (/^O\d*$/.test(body)) return { object: true };
  const sized = /^([biufcSUV])(\d{1,9})$/.exec(body);
  const widths: Record<string, number[] | undefined> = {
    b: [1],
    i: [1, 2, 4, 8],
    u: [1, 2, 4, 8],
    f: [2, 4, 8, 12, 16],
    c: [8, 16, 24, 32],
  };
  if (sized) {
    const [, kind, digits] = sized;
    const width = Number(digits);
    const allowed = widths[kind!];
    if (allowed && !allowed.includes(width)) return { object: false };
    return { object: false, itemBytes: kind === 'U' ? width * 4 : width };
  }
  if (body === '?') return { object: false, itemBytes: 1 };
  if (/^[mM]8(\[\d*[A-Za-z]+\])?$/.test(body)) return { object: false, itemBytes: 8 };
  return { object: false };
}

function scaled(type: { object: boolean; itemBytes?: number }, shape: number[]): { object: boolean; itemBytes?: number } {
  const count = shape.reduce((product, dimension) => product * dimension, 1);
  const itemBytes = type.itemBytes === undefined ? undefined : type.itemBytes * count;
  if (itemBytes !== undefined && !Number.isSafeInteger(itemBytes)) throw malformed('A subarray is too large');
  return { object: type.object, ...(itemBytes !== undefined ? { itemBytes } : {}) };
}

/** A tuple of non-negative ints; a subarray shape may also be a single int. */
function dimensions(value: PyLiteral, what: string, intAllowed = false): number[] {
  const items =
    typeof value === 'bigint' && intAllowed ? [value] : typeof value === 'object' && value?.kind === 'tuple' ? value.items : undefined;
  if (!items || items.length > 64) throw malformed(`The ${what} is not a tuple of integers`);
  return items.map((item) => {
    if (typeof item !== 'bigint' || item < 0n || item > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw malformed(`The ${what} holds something other than a non-negative integer`);
    }
    return Number(item);
  });
}

/** `'name'`, or `('title', 'name')` as NumPy writes titled fields. */
function isFieldName(value: PyLiteral): boolean {
  if (typeof value === 'string') return true;
  return (
    typeof value === 'object' &&
    value?.kind === 'tuple' &&
    value.items.length === 2 &&
    value.items.every((item) => typeof item === 'string')
  );
}

function malformed(message: string, evidence?: Record<string, unknown>): FormatError {
  return new FormatError('npy_malformed', message, evidence);
}
