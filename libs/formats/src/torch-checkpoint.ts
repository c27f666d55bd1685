import type { ByteSource } from './byte-source.js';
import type { Finding, Inspection } from './finding.js';
import { OP } from './pickle-opcodes.js';
import { type PickleCheckpointFacts, summarizePickle } from './pickle-summary.js';
import { type PickleScan, scanPickle } from './pickle.js';
import { inspectZipCheckpoint } from './zip-checkpoint.js';

/** All pickles of one stream together: every opcode costs time. */
const MAX_OPCODES = 20_000_000;
/** Concatenated pickles walked after the first one (some loaders call `pickle.load` repeatedly). */
const MAX_RAW_PICKLES = 16;
/** Walking a pickle stops at damage; these findings say why, the rest what it imported. */
const DAMAGE_CODES = new Set(['pickle_malformed', 'pickle_truncated', 'pickle_limit_exceeded']);

/** `torch.serialization.MAGIC_NUMBER`. */
const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
/** What `torch.serialization._legacy_load` unpickles, in order, before the raw storages. */
const LEGACY_PICKLES = ['magic_number', 'protocol_version', 'sys_info', 'data', 'storage_keys'];

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const COMPRESSED_MAGIC: [string, Buffer][] = [
  ['gzip', Buffer.from([0x1f, 0x8b])],
  ['bzip2', Buffer.from('BZh', 'latin1')],
  ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
  ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd])],
  ['lz4', Buffer.from([0x04, 0x22, 0x4d, 0x18])],
];

/**
 * Scans a pickle-based checkpoint (`.bin .pt .pth .ckpt .pkl .joblib`) for the imports its unpickling would
 * make, chosen by magic bytes as `torch.load` chooses: a zip (`zip-checkpoint.ts`), a legacy torch stream (its
 * five pickles), or a plain pickle and every pickle after it. Never executes anything.
 * Never rejects for a bad file either: damage, limits and unsupported containers are critical findings,
 * next to whatever was scanned before them.
 */
export async function inspectPickleCheckpoint(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts>> {
  const head = await source.read(0, 512);
  if (head.length === 0) return unsupported('checkpoint_empty', 'The file is empty', path);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return inspectZipCheckpoint(source);
  // torch's legacy loader tries tarfile first: a valid tar header decides, whatever follows it.
  if (isTarHeader(head)) return unsupported('checkpoint_tar', 'A tar archive (torch < 0.4 format) is not scanned', path);
  const compression = COMPRESSED_MAGIC.find(([, magic]) => head.subarray(0, magic.length).equals(magic))?.[0];
  if (compression) return unsupported('checkpoint_compressed', `A ${compression}-compressed stream is not scanned`, path, { compression });
  return inspectPickleStream(source, path);
}

async function inspectPickleStream(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts>> {
  const facts: PickleCheckpointFacts = { container: 'pickle', pickles: [] };
  const findings: Finding[] = [];
  let opcodeBudget = MAX_OPCODES;
  const scanAt = async (start: number, name: string): Promise<PickleScan> => {
    const scan = await scanPickle(source, { name, start, limits: { maxOpcodes: Math.max(1, opcodeBudget) } });
    opcodeBudget -= scan.opcodeCount;
    return scan;
  };
  const keep = (name: string, scan: PickleScan, scanFindings = scan.findings) => {
    facts.pickles.push(summarizePickle(name, scan));
    findings.push(...scanFindings);
  };

  let scan = await scanAt(0, path);
  keep(path, scan);
  if (!scan.complete) return { facts, findings };
  if (await isLegacyMagic(source, scan.end)) {
    facts.container = 'legacy';
    facts.pickles[0]!.name = LEGACY_PICKLES[0]!;
    for (const name of LEGACY_PICKLES.slice(1)) {
      scan = await scanAt(scan.end, name);
      keep(name, scan);
      if (!scan.complete) break;
    }
    // The raw storage bytes follow; torch reads them without unpickling.
    return { facts, findings };
  }
  // Whatever follows a pickle may be the next one (loaders call pickle.load again), whatever its first byte.
  for (let count = 1; scan.end < source.size; count += 1) {
    const offset = scan.end;
    if (count >= MAX_RAW_PICKLES) {
      findings.push({
        severity: 'critical',
        code: 'pickle_limit_exceeded',
        message: `More than ${MAX_RAW_PICKLES} pickles follow one another; the rest were not scanned`,
        evidence: { offset },
      });
      break;
    }
    const name = `${path}#${count}`;
    scan = await scanAt(offset, name);
    if (scan.complete) {
      keep(name, scan);
      continue;
    }
    const damage = scan.findings.find((finding) => DAMAGE_CODES.has(finding.code));
    const imports = scan.findings.filter((finding) => finding !== damage);
    if (scan.globals.length > 0 || imports.length > 0) keep(name, scan, imports);
    findings.push({
      severity: 'critical',
      code: 'pickle_trailing_data',
      message: `${source.size - offset} bytes follow the pickle and could not be scanned as another pickle${damage ? `: ${damage.message}` : ''}`,
      evidence: { offset, ...(damage ? { reason: damage.code, at: damage.evidence?.offset } : {}) },
    });
    break;
  }
  return { facts, findings };
}

/**
 * torch compares the value of the first pickle with its magic number, whatever opcodes wrote it: `LONG1` from
 * protocol 2 on, `L…L` text in protocols 0 and 1. Encodings no pickler writes are not recognized: the stream is
 * then walked on as concatenated pickles, and its raw storages are reported as unscannable.
 */
async function isLegacyMagic(source: ByteSource, end: number): Promise<boolean> {
  if (end > 64) return false;
  return pickledInteger(await source.read(0, end)) === LEGACY_MAGIC;
}

/** The value of a pickle made of one integer opcode (after `PROTO` and `FRAME`), else undefined. */
function pickledInteger(bytes: Buffer): bigint | undefined {
  let at = 0;
  if (bytes[at] === OP.PROTO) at += 2;
  if (bytes[at] === OP.FRAME) at += 9;
  if (bytes[bytes.length - 1] !== OP.STOP) return undefined;
  const opcode = bytes[at];
  const argument = bytes.subarray(at + 1, bytes.length - 1);
  if (opcode === OP.INT || opcode === OP.LONG) {
    const match = /^(-?\d+)L?\n$/.exec(argument.toString('latin1'));
    return match && (opcode === OP.LONG || !match[0].includes('L')) ? BigInt(match[1]!) : undefined;
  }
  const width = opcode === OP.LONG1 ? 1 : opcode === OP.LONG4 ? 4 : 0;
  if (width === 0 || argument.length < width) return undefined;
  const length = width === 1 ? argument[0]! : argument.readInt32LE(0);
  const digits = argument.subarray(width);
  if (length !== digits.length || length === 0) return undefined;
  // Two's complement, little-endian.
  const unsigned = BigInt(`0x${Buffer.from(digits).reverse().toString('hex')}`);
  return digits[length - 1]! & 0x80 ? unsigned - (1n << BigInt(8 * length)) : unsigned;
}

/** Python's `tarfile` accepts a header whose checksum matches, signed or unsigned. */
function isTarHeader(head: Buffer): boolean {
  if (head.length < 512) return false;
  const field = head.subarray(148, 156);
  const nul = field.indexOf(0);
  const text = field
    .subarray(0, nul < 0 ? field.length : nul)
    .toString('latin1')
    .trim();
  if (!/^[0-7]*$/.test(text)) return false;
  const declared = parseInt(text || '0', 8);
  let unsigned = 8 * 0x20;
  let signed = 8 * 0x20;
  for (let i = 0; i < 512; i += 1) {
    if (i >= 148 && i < 156) continue;
    unsigned += head[i]!;
    signed += head.readInt8(i);
  }
  return declared === unsigned || declared === signed;
}

function unsupported(code: string, message: string, path: string, evidence?: Record<string, unknown>): Inspection<PickleCheckpointFacts> {
  return {
    facts: { container: 'unsupported', pickles: [] },
    findings: [{ severity: 'critical', code, message, evidence: { path, ...evidence } }],
  };
}
