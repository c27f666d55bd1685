import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer (APPNOTE.TXT 4.3) for the tests: stored and deflated entries, and the lies an attacker
 * writes — wrong CRCs, declared sizes that differ from the data, ZIP64 sizes, symlinks, entry counts.
 */
export interface ZipEntrySpec {
  name: string;
  data?: Buffer;
  method?: 'stored' | 'deflated';
  /** Written as the entry's compressed bytes instead of compressing `data`. */
  compressed?: Buffer;
  crc32?: number;
  /** Declared sizes, when they should not be the true ones. */
  uncompressedSize?: number;
  compressedSize?: number;
  /** Writes 0xFFFFFFFF sizes in the central directory and these in a ZIP64 extra field. */
  zip64Sizes?: { uncompressed: bigint; compressed: bigint };
  /** Unix mode (e.g. 0o120777 for a symlink), stored in the external attributes with host Unix. */
  unixMode?: number;
  flags?: number;
  /** Bytes of an extra field in the local header only, as torch's writer pads data to 64-byte alignment. */
  localPadding?: number;
  /** Where the local header is, when it should not be where it was written (overlapping entries). */
  localHeaderOffset?: number;
}

export interface ZipOptions {
  /** Declared entry count in the end record, when it should not be the true one. */
  entryCount?: number;
  /** Writes a ZIP64 end record and locator declaring this many entries. */
  zip64EntryCount?: bigint;
}

export function writeZip(entries: ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method === 'deflated' ? 8 : 0;
    const compressed = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc32 ?? crc32(data);
    const flags = (entry.flags ?? 0) | 0x800;
    const zip64 = entry.zip64Sizes;
    const uncompressedSize = zip64 ? 0xffffffff : (entry.uncompressedSize ?? data.length);
    const compressedSize = zip64 ? 0xffffffff : (entry.compressedSize ?? compressed.length);
    const padding = entry.localPadding ? extraField(0x4246, Buffer.alloc(entry.localPadding)) : Buffer.alloc(0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(padding.length, 28);
    locals.push(local, name, padding, compressed);

    const extra = zip64 ? extraField(0x0001, Buffer.concat([u64(zip64.uncompressed), u64(zip64.compressed)])) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 45, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressedSize, 20);
    central.writeUInt32LE(uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(entry.localHeaderOffset ?? offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + padding.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = options.entryCount ?? entries.length;
  const tail: Buffer[] = [];
  if (options.zip64EntryCount !== undefined) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(options.zip64EntryCount, 24);
    record.writeBigUInt64LE(options.zip64EntryCount, 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of zeros from about 1 KiB per MiB, built without
 * ever holding the output: one MiB compressed with a full flush (self-contained, no final block), repeated,
 * then an empty final block.
 */
export function deflateBomb(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), finalEmptyBlock]);
}

function extraField(id: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(id, 0);
  header.writeUInt16LE(body.length, 2);
  return Buffer.concat([header, body]);
}

function u64(value: bigint): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
}

/** A zip laid out as `torch.save` lays it out: `<archive>/data.pkl`, storages, `version`, `byteorder`. */
export function torchZip(
  dataPkl: Buffer,
  options: { archive?: string; pickleName?: string; method?: 'stored' | 'deflated'; crc32?: number } = {},
): Buffer {
  const archive = options.archive ?? 'archive';
  return writeZip([
    {
      name: `${archive}/${options.pickleName ?? 'data.pkl'}`,
      data: dataPkl,
      method: options.method,
      crc32: options.crc32,
      localPadding: 24,
    },
    { name: `${archive}/byteorder`, data: Buffer.from('little'), localPadding: 12 },
    { name: `${archive}/data/0`, data: Buffer.alloc(16, 1), localPadding: 40 },
    { name: `${archive}/version`, data: Buffer.from('3\n'), localPadding: 20 },
  ]);
}
