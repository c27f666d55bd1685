import type { ByteSource } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { type PickleScan, scanPickle } from './pickle.js';
import { METHOD_STORED, openZipEntry, readZipDirectory, type ZipEntry } from './zip-archive.js';

export interface PickleSummary {
  /** The archive entry, the file path, or the role of a legacy torch pickle. */
  name: string;
  protocol: number;
  /** `module.name` of every distinct import. */
  globals: string[];
  opcodeCount: number;
}

export type PickleCheckpointFacts = {
  /** `zip`: torch.save ≥ 1.6; `legacy`: the older magic-number stream; `unsupported`: nothing could be scanned. */
  container: 'zip' | 'pickle' | 'legacy' | 'unsupported';
  pickles: PickleSummary[];
  zipEntries?: number;
};

/** All pickles of one file together: every opcode costs time. */
const MAX_OPCODES = 20_000_000;
const MAX_ZIP_PICKLES = 64;
const MAX_INFLATED_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_INFLATED_TOTAL_BYTES = 256 * 1024 * 1024;
/** Concatenated pickles walked after the first one (some loaders call `pickle.load` repeatedly). */
const MAX_RAW_PICKLES = 16;

/** `torch.serialization.MAGIC_NUMBER`, 0x1950a86a20f9469cfc6c, as the LONG1 payload pickle writes it. */
const LEGACY_MAGIC = Buffer.from('8a0a6cfc9c46f9206aa850192e', 'hex');
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
 * make, chosen by magic bytes as `torch.load` chooses: a zip (every `*.pkl` entry, whatever the archive
 * folder is called), a legacy torch stream (its five pickles), or a plain pickle. Never executes anything.
 * Never rejects for a bad file either: damage, limits and unsupported containers are critical findings,
 * next to whatever was scanned before them.
 */
export async function inspectPickleCheckpoint(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts>> {
  const head = await source.read(0, 512);
  if (head.length === 0) return unsupported('checkpoint_empty', 'The file is empty', path);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return inspectZip(source);
  // torch's legacy loader tries tarfile first: a valid tar header decides, whatever follows it.
  if (isTarHeader(head)) return unsupported('checkpoint_tar', 'A tar archive (torch < 0.4 format) is not scanned', path);
  const compression = COMPRESSED_MAGIC.find(([, magic]) => head.subarray(0, magic.length).equals(magic))?.[0];
  if (compression) return unsupported('checkpoint_compressed', `A ${compression}-compressed stream is not scanned`, path, { compression });
  return inspectPickleStream(source, path);
}

async function inspectZip(source: ByteSource): Promise<Inspection<PickleCheckpointFacts>> {
  const facts: PickleCheckpointFacts = { container: 'zip', pickles: [] };
  const findings: Finding[] = [];
  let entries: ZipEntry[];
  try {
    const directory = await readZipDirectory(source);
    entries = directory.entries;
    findings.push(...directory.findings);
  } catch (error) {
    return { facts, findings: [critical(error)] };
  }
  facts.zipEntries = entries.length;
  // torch finds records case-insensitively (miniz), so `DATA.PKL` loads like `data.pkl`.
  const pickles = entries.filter((entry) => entry.name.toLowerCase().endsWith('.pkl'));
  if (pickles.length === 0) {
    findings.push({ severity: 'warning', code: 'zip_no_pickle', message: 'The archive holds no .pkl entry: torch.load cannot read it' });
  }
  if (pickles.length > MAX_ZIP_PICKLES) {
    findings.push({
      severity: 'critical',
      code: 'pickle_limit_exceeded',
      message: `The archive holds ${pickles.length} pickles; only the first ${MAX_ZIP_PICKLES} were scanned`,
    });
  }
  const code = entries.filter((entry) => entry.name.endsWith('.py')).map((entry) => entry.name);
  if (code.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'zip_contains_code',
      message: `The archive holds ${code.length} Python source files (TorchScript code runs when the model is loaded with torch.jit.load)`,
      evidence: { names: code.slice(0, 20) },
    });
  }
  let inflateBudget = MAX_INFLATED_TOTAL_BYTES;
  let opcodeBudget = MAX_OPCODES;
  for (const entry of pickles.slice(0, MAX_ZIP_PICKLES)) {
    let entrySource: ByteSource;
    try {
      entrySource = await openZipEntry(source, entry, Math.min(MAX_INFLATED_ENTRY_BYTES, inflateBudget));
    } catch (error) {
      findings.push(critical(error));
      continue;
    }
    if (entry.method !== METHOD_STORED) inflateBudget -= entrySource.size;
    const scan = await scanPickle(entrySource, { name: entry.name, limits: { maxOpcodes: Math.max(1, opcodeBudget) } });
    opcodeBudget -= scan.opcodeCount;
    facts.pickles.push(summarize(entry.name, scan));
    findings.push(...scan.findings);
  }
  return { facts, findings };
}

async function inspectPickleStream(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts>> {
  const facts: PickleCheckpointFacts = { container: 'pickle', pickles: [] };
  const findings: Finding[] = [];
  let opcodeBudget = MAX_OPCODES;
  const scanAt = async (start: number, name: string): Promise<PickleScan> => {
    const scan = await scanPickle(source, { name, start, limits: { maxOpcodes: Math.max(1, opcodeBudget) } });
    opcodeBudget -= scan.opcodeCount;
    facts.pickles.push(summarize(name, scan));
    findings.push(...scan.findings);
    return scan;
  };

  let scan = await scanAt(0, path);
  if (!scan.complete) return { facts, findings };
  if (await isLegacyMagic(source, scan.end)) {
    facts.container = 'legacy';
    facts.pickles[0]!.name = LEGACY_PICKLES[0]!;
    for (const name of LEGACY_PICKLES.slice(1)) {
      scan = await scanAt(scan.end, name);
      if (!scan.complete) break;
    }
    // The raw storage bytes follow; torch reads them without unpickling.
    return { facts, findings };
  }
  for (let count = 1; scan.end < source.size; count += 1) {
    const [next] = await source.read(scan.end, 1);
    if (next !== 0x80) {
      findings.push({
        severity: 'warning',
        code: 'pickle_trailing_data',
        message: `${source.size - scan.end} bytes follow the pickle and were not scanned`,
        evidence: { offset: scan.end },
      });
      break;
    }
    if (count >= MAX_RAW_PICKLES) {
      findings.push({
        severity: 'critical',
        code: 'pickle_limit_exceeded',
        message: `More than ${MAX_RAW_PICKLES} pickles follow one another; the rest were not scanned`,
        evidence: { offset: scan.end },
      });
      break;
    }
    scan = await scanAt(scan.end, `${path}#${count}`);
    if (!scan.complete) break;
  }
  return { facts, findings };
}

/** The first pickle is exactly `PROTO n`, an optional `FRAME`, `LONG1` of the magic number, `STOP`. */
async function isLegacyMagic(source: ByteSource, end: number): Promise<boolean> {
  if (end > 64) return false;
  let bytes = await source.read(0, end);
  if (bytes[0] === 0x80) bytes = bytes.subarray(2);
  if (bytes[0] === 0x95) bytes = bytes.subarray(9);
  return bytes.equals(LEGACY_MAGIC);
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

function summarize(name: string, scan: PickleScan): PickleSummary {
  return {
    name,
    protocol: scan.protocol,
    globals: scan.globals.map((global) => `${global.module}.${global.name}`),
    opcodeCount: scan.opcodeCount,
  };
}

function unsupported(code: string, message: string, path: string, evidence?: Record<string, unknown>): Inspection<PickleCheckpointFacts> {
  return {
    facts: { container: 'unsupported', pickles: [] },
    findings: [{ severity: 'critical', code, message, evidence: { path, ...evidence } }],
  };
}

function critical(error: unknown): Finding {
  if (!(error instanceof FormatError)) throw error;
  return { severity: 'critical', code: error.code, message: error.message, ...(error.evidence ? { evidence: error.evidence } : {}) };
}
