import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import { bufferSource, type ByteSource } from './byte-source.js';
import { type Finding, FormatError } from './finding.js';

const inflateRawAsync = promisify(inflateRaw);

export interface ZipLimits {
  maxEntries: number;
  maxCentralDirectoryBytes: number;
  /** Declared uncompressed ÷ compressed above this, and more than `bombBytes` in all, is a bomb. */
  bombRatio: number;
  bombBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxCentralDirectoryBytes: 16 * 1024 * 1024,
  bombRatio: 100,
  bombBytes: 1024 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** What is wrong with the archive as a whole: bombs, unsafe names, overlaps… */
  findings: Finding[];
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_BYTES = 56;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_BYTES = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_BYTES = 30;
const ZIP64_EXTRA_ID = 0x0001;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MAX_NAMED_IN_FINDING = 20;
const HEAD_READ_BYTES = 64 * 1024;
/** Deflate inflates at most about 1000:1: a slice this small cannot make more than a few MiB of work. */
const HEAD_FEED_BYTES = 4 * 1024;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/**
 * Reads a zip's central directory the way PyTorch's reader (miniz) does: the last end-of-central-directory
 * record in the final 64 KiB, ZIP64 when its locator is there, entries from the central directory (never
 * from local headers). Like miniz it ignores CRCs and flag bits; unlike it, it does not stop at the first
 * oddity but reports it: traversal or absolute names, symlinks, overlapping entries, bomb ratios. What it
 * cannot read is a `FormatError` (the caller reports it critical: an archive nobody scanned is not clean).
 */
export async function readZipDirectory(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipDirectory> {
  const end = await readEndOfCentralDirectory(source);
  if (end.entryCount > limits.maxEntries) {
    throw new FormatError('zip_too_many_entries', `The archive declares ${end.entryCount} entries, over the ${limits.maxEntries} limit`, {
      declared: end.entryCount,
    });
  }
  if (end.directoryBytes > limits.maxCentralDirectoryBytes) {
    throw new FormatError(
      'zip_unreadable',
      `The central directory is ${end.directoryBytes} bytes, over the ${limits.maxCentralDirectoryBytes} limit`,
    );
  }
  if (end.directoryOffset + end.directoryBytes > source.size || end.entryCount * CENTRAL_BYTES > end.directoryBytes) {
    throw new FormatError('zip_unreadable', 'The central directory does not fit where the end record says it is', {
      offset: end.directoryOffset,
      bytes: end.directoryBytes,
      entries: end.entryCount,
    });
  }
  const directory = await readExactly(source, end.directoryOffset, end.directoryBytes);
  const { entries, nameLengths, symlinks, consumed } = parseCentralDirectory(directory, end.entryCount);
  const findings: Finding[] = [];
  if (directory.length - consumed >= 4 && directory.readUInt32LE(consumed) === CENTRAL_SIGNATURE) {
    findings.push({
      severity: 'critical',
      code: 'zip_hidden_entries',
      message: 'The central directory holds more entries than its end record declares: zip readers disagree on the contents',
    });
  }
  findings.push(...checkNames(entries), ...checkSymlinks(symlinks));
  findings.push(...checkExtents(entries, nameLengths, source.size), ...checkBomb(entries, limits));
  return { entries, findings };
}

/**
 * The bytes of one entry, for a scanner to read. Stored entries are a window on the source (read lazily);
 * deflated ones are inflated into memory, never past `maxBytes` nor past their declared size.
 */
export async function openZipEntry(source: ByteSource, entry: ZipEntry, maxBytes: number): Promise<ByteSource> {
  const evidence = { entry: entry.name };
  const dataStart = await entryDataStart(source, entry);
  if (entry.method === METHOD_STORED) return windowSource(source, dataStart, entry.compressedSize);
  if (entry.uncompressedSize > maxBytes || entry.compressedSize > maxBytes) {
    throw new FormatError('zip_entry_too_large', `${entry.name} is larger than the ${maxBytes}-byte limit for scanned entries`, {
      ...evidence,
      declared: entry.uncompressedSize,
    });
  }
  const compressed = await readExactly(source, dataStart, entry.compressedSize);
  let inflated: Buffer;
  try {
    inflated = await inflateRawAsync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FormatError('zip_bomb', `${entry.name} inflates past its declared ${entry.uncompressedSize} bytes`, evidence);
    }
    throw new FormatError('zip_inflate_failed', `${entry.name} is not valid deflate data`, evidence);
  }
  if (inflated.length !== entry.uncompressedSize) {
    throw new FormatError(
      'zip_size_mismatch',
      `${entry.name} inflates to ${inflated.length} bytes, not the declared ${entry.uncompressedSize}`,
      evidence,
    );
  }
  return bufferSource(inflated);
}

/**
 * The first `length` bytes of an entry (fewer when it is shorter), for reading a header without inflating the
 * whole entry: a deflated one is fed to zlib a slice at a time until enough came out, and only that much is
 * kept, so neither the entry's size nor a bomb costs more memory than `length`.
 */
export async function readZipEntryHead(source: ByteSource, entry: ZipEntry, length: number): Promise<Buffer> {
  const dataStart = await entryDataStart(source, entry);
  if (entry.method === METHOD_STORED) return readExactly(source, dataStart, Math.min(length, entry.compressedSize));
  const wanted = Math.min(length, entry.uncompressedSize);
  const inflater = createInflateRaw();
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let failed = false;
  inflater.on('data', (chunk: Buffer) => {
    const part = chunk.subarray(0, Math.max(0, wanted - keptBytes));
    if (part.length > 0) kept.push(Buffer.from(part));
    keptBytes += part.length;
  });
  const failure = new Promise<void>((resolve) =>
    inflater.on('error', () => {
      failed = true;
      resolve();
    }),
  );
  const more = () => keptBytes < wanted && !failed;
  try {
    for (let offset = 0; offset < entry.compressedSize && more(); offset += HEAD_READ_BYTES) {
      const compressed = await readExactly(source, dataStart + offset, Math.min(HEAD_READ_BYTES, entry.compressedSize - offset));
      for (let at = 0; at < compressed.length && more(); at += HEAD_FEED_BYTES) {
        const written = new Promise<void>((resolve) => inflater.write(compressed.subarray(at, at + HEAD_FEED_BYTES), () => resolve()));
        await Promise.race([written, failure]);
      }
    }
    if (more()) await Promise.race([new Promise<void>((resolve) => inflater.end(resolve)).then(() => ended(inflater)), failure]);
  } finally {
    inflater.destroy();
  }
  const evidence = { entry: entry.name };
  if (failed) throw new FormatError('zip_inflate_failed', `${entry.name} is not valid deflate data`, evidence);
  if (keptBytes < wanted) {
    throw new FormatError(
      'zip_size_mismatch',
      `${entry.name} inflates to fewer bytes than the declared ${entry.uncompressedSize}`,
      evidence,
    );
  }
  return Buffer.concat(kept);
}

/** Resolves once a stream has emitted all its data (at once if it already has). */
function ended(stream: Readable): Promise<void> {
  return stream.readableEnded ? Promise.resolve() : new Promise((resolve) => stream.once('end', () => resolve()));
}

/** Where an entry's data starts, after checking what any reader of it would refuse. */
async function entryDataStart(source: ByteSource, entry: ZipEntry): Promise<number> {
  const evidence = { entry: entry.name };
  if (entry.flags & FLAG_ENCRYPTED) throw new FormatError('zip_encrypted', `${entry.name} is encrypted`, evidence);
  const local = await readExactly(source, entry.localHeaderOffset, LOCAL_BYTES);
  if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw new FormatError('zip_unreadable', `${entry.name} has no local header where the central directory points`, evidence);
  }
  // Like miniz: the central directory gives sizes and method, the local header only the data offset.
  const dataStart = entry.localHeaderOffset + LOCAL_BYTES + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataStart + entry.compressedSize > source.size) {
    throw new FormatError('zip_unreadable', `${entry.name} extends past the end of the file`, evidence);
  }
  if (entry.method === METHOD_STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw new FormatError('zip_size_mismatch', `${entry.name} is stored but declares different sizes`, evidence);
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
    throw new FormatError('zip_unsupported_method', `${entry.name} uses compression method ${entry.method}`, {
      ...evidence,
      method: entry.method,
    });
  }
  return dataStart;
}

interface EndOfCentralDirectory {
  entryCount: number;
  directoryBytes: number;
  directoryOffset: number;
}

async function readEndOfCentralDirectory(source: ByteSource): Promise<EndOfCentralDirectory> {
  const tailStart = Math.max(0, source.size - (EOCD_BYTES + U16_MAX));
  const tail = await readExactly(source, tailStart, source.size - tailStart);
  let at = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new FormatError('zip_unreadable', 'No end-of-central-directory record');
  const record = tail.subarray(at, at + EOCD_BYTES);
  const end = {
    disk: record.readUInt16LE(4),
    directoryDisk: record.readUInt16LE(6),
    entryCount: record.readUInt16LE(10),
    directoryBytes: record.readUInt32LE(12),
    directoryOffset: record.readUInt32LE(16),
  };
  const locatorAt = at - ZIP64_LOCATOR_BYTES;
  if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR_SIGNATURE) {
    return readZip64End(source, safe(tail.readBigUInt64LE(locatorAt + 8), 'ZIP64 end record offset'));
  }
  if (end.disk !== 0 || end.directoryDisk !== 0) throw new FormatError('zip_unreadable', 'Multi-disk archives are not supported');
  return end;
}

async function readZip64End(source: ByteSource, offset: number): Promise<EndOfCentralDirectory> {
  if (offset + ZIP64_EOCD_BYTES > source.size) throw new FormatError('zip_unreadable', 'The ZIP64 end record is past the end of the file');
  const record = await readExactly(source, offset, ZIP64_EOCD_BYTES);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
    throw new FormatError('zip_unreadable', 'No ZIP64 end record where its locator points');
  if (record.readUInt32LE(16) !== 0 || record.readUInt32LE(20) !== 0)
    throw new FormatError('zip_unreadable', 'Multi-disk archives are not supported');
  return {
    entryCount: safe(record.readBigUInt64LE(32), 'ZIP64 entry count'),
    directoryBytes: safe(record.readBigUInt64LE(40), 'ZIP64 central directory size'),
    directoryOffset: safe(record.readBigUInt64LE(48), 'ZIP64 central directory offset'),
  };
}

interface ParsedDirectory {
  entries: ZipEntry[];
  nameLengths: number[];
  symlinks: string[];
  consumed: number;
}

function parseCentralDirectory(directory: Buffer, count: number): ParsedDirectory {
  const entries: ZipEntry[] = [];
  const nameLengths: number[] = [];
  const symlinks: string[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_BYTES > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new FormatError('zip_unreadable', `Central directory entry ${index} is damaged`, { index });
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const next = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > directory.length) throw new FormatError('zip_unreadable', `Central directory entry ${index} is damaged`, { index });
    const flags = directory.readUInt16LE(at + 8);
    const nameBytes = directory.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
    const name = nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    const sizes = readZip64Sizes(directory.subarray(at + CENTRAL_BYTES + nameLength, at + CENTRAL_BYTES + nameLength + extraLength), {
      uncompressedSize: directory.readUInt32LE(at + 24),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name,
    });
    entries.push({ name, method: directory.readUInt16LE(at + 10), flags, ...sizes });
    nameLengths.push(nameLength);
    const host = directory.readUInt8(at + 5);
    const mode = directory.readUInt32LE(at + 38) >>> 16;
    if (host === HOST_UNIX && (mode & S_IFMT) === S_IFLNK) symlinks.push(name);
    at = next;
  }
  return { entries, nameLengths, symlinks, consumed: at };
}

/** Fields at their 32-bit maximum are in the ZIP64 extra field, in this order. */
function readZip64Sizes(
  extra: Buffer,
  fields: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number; name: string },
): Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'localHeaderOffset'> {
  const sizes = {
    uncompressedSize: fields.uncompressedSize,
    compressedSize: fields.compressedSize,
    localHeaderOffset: fields.localHeaderOffset,
  };
  const wanted = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => sizes[key] === U32_MAX);
  if (wanted.length === 0) return sizes;
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      if (length < wanted.length * 8 || at + 4 + length > extra.length) break;
      wanted.forEach((key, index) => {
        sizes[key] = safe(extra.readBigUInt64LE(at + 4 + index * 8), `${fields.name} ZIP64 ${key}`);
      });
      return sizes;
    }
    at += 4 + length;
  }
  throw new FormatError('zip_unreadable', `${fields.name} needs a ZIP64 extra field it does not have`, { entry: fields.name });
}

function checkNames(entries: ZipEntry[]): Finding[] {
  const unsafe = entries.map((entry) => entry.name).filter(isUnsafeName);
  if (unsafe.length === 0) return [];
  return [
    {
      severity: 'critical',
      code: 'zip_unsafe_entry_name',
      message: `${unsafe.length} entries have absolute or traversing names`,
      evidence: { names: unsafe.slice(0, MAX_NAMED_IN_FINDING), count: unsafe.length },
    },
  ];
}

function isUnsafeName(name: string): boolean {
  if (name.includes('\0') || name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

function checkSymlinks(symlinks: string[]): Finding[] {
  if (symlinks.length === 0) return [];
  return [
    {
      severity: 'critical',
      code: 'zip_symlink_entry',
      message: `${symlinks.length} entries are symbolic links`,
      evidence: { names: symlinks.slice(0, MAX_NAMED_IN_FINDING), count: symlinks.length },
    },
  ];
}

/**
 * Entries must lie inside the file and must not share bytes: overlapping entries are how a small archive
 * inflates to terabytes. The local header's own name and extra lengths are not read here, so an entry is
 * taken to span at least its fixed header, its central name and its data: never more than it really does.
 */
function checkExtents(entries: ZipEntry[], nameLengths: number[], size: number): Finding[] {
  const findings: Finding[] = [];
  const spans = entries.map((entry, index) => ({
    name: entry.name,
    start: entry.localHeaderOffset,
    end: entry.localHeaderOffset + LOCAL_BYTES + nameLengths[index]! + entry.compressedSize,
  }));
  const outside = spans.filter((span) => span.end > size).map((span) => span.name);
  if (outside.length > 0) {
    findings.push({
      severity: 'critical',
      code: 'zip_entry_out_of_bounds',
      message: `${outside.length} entries extend past the end of the file`,
      evidence: { names: outside.slice(0, MAX_NAMED_IN_FINDING), count: outside.length },
    });
  }
  spans.sort((a, b) => a.start - b.start);
  const overlapping: string[] = [];
  let reached = 0;
  for (const span of spans) {
    if (span.start < reached) overlapping.push(span.name);
    reached = Math.max(reached, span.end);
  }
  if (overlapping.length > 0) {
    findings.push({
      severity: 'critical',
      code: 'zip_overlapping_entries',
      message: `${overlapping.length} entries share bytes with another entry`,
      evidence: { names: overlapping.slice(0, MAX_NAMED_IN_FINDING), count: overlapping.length },
    });
  }
  return findings;
}

function checkBomb(entries: ZipEntry[], limits: ZipLimits): Finding[] {
  const isBomb = (uncompressed: number, compressed: number) =>
    uncompressed > limits.bombBytes && uncompressed > limits.bombRatio * Math.max(1, compressed);
  const total = entries.reduce((sum, entry) => ({ u: sum.u + entry.uncompressedSize, c: sum.c + entry.compressedSize }), { u: 0, c: 0 });
  const bombs = entries.filter((entry) => isBomb(entry.uncompressedSize, entry.compressedSize)).map((entry) => entry.name);
  if (bombs.length === 0 && !isBomb(total.u, total.c)) return [];
  return [
    {
      severity: 'critical',
      code: 'zip_bomb',
      message: `The archive declares ${total.u} uncompressed bytes from ${total.c} compressed`,
      evidence: { uncompressed: total.u, compressed: total.c, names: bombs.slice(0, MAX_NAMED_IN_FINDING) },
    },
  ];
}

function windowSource(source: ByteSource, start: number, size: number): ByteSource {
  return {
    size,
    read: (offset, length) => source.read(start + offset, Math.max(0, Math.min(length, size - offset))),
  };
}

async function readExactly(source: ByteSource, offset: number, length: number): Promise<Buffer> {
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw new FormatError('zip_unreadable', 'The archive ends early', { offset, length });
  return bytes;
}

function safe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new FormatError('zip_unreadable', `The ${what} is beyond 2^53`, { value: value.toString() });
  return Number(value);
}
