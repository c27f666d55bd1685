import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { formatErrorOf } from './test-helpers.js';
import { openZipEntry, readZipDirectory, readZipEntryHead } from '../src/zip-archive.js';
import { deflateBomb, torchZip, writeZip } from './zip-writer.js';

const read = (bytes: Buffer) => readZipDirectory(bufferSource(bytes));
const codes = (findings: { code: string }[]) => findings.map((f) => f.code).sort();

async function entryBytes(zip: Buffer, name: string, maxBytes = 1024 * 1024): Promise<Buffer> {
  const source = bufferSource(zip);
  const entry = (await readZipDirectory(source)).entries.find((e) => e.name === name)!;
  const opened = await openZipEntry(source, entry, maxBytes);
  return opened.read(0, opened.size);
}

describe('readZipDirectory', () => {
  it('lists a torch.save layout from the central directory', async () => {
    const zip = torchZip(Buffer.from('pickle bytes'));
    const directory = await read(zip);
    expect(directory.findings).toEqual([]);
    expect(directory.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['archive/data.pkl', 0, 12],
      ['archive/byteorder', 0, 6],
      ['archive/data/0', 0, 16],
      ['archive/version', 0, 2],
    ]);
  });

  it('reads only the end of the file and the central directory', async () => {
    const zip = writeZip([
      { name: 'big/data/0', data: Buffer.alloc(8 * 1024 * 1024) },
      { name: 'big/data.pkl', data: Buffer.from('x') },
    ]);
    const source = countingSource(bufferSource(zip));
    await readZipDirectory(source);
    expect(source.bytesRead).toBeLessThan(70 * 1024);
  });

  it('reads ZIP64 end records and ZIP64 sizes', async () => {
    const data = Buffer.from('zip64 entry');
    const zip = writeZip([{ name: 'a/data.pkl', data, zip64Sizes: { uncompressed: 11n, compressed: 11n } }], { zip64EntryCount: 1n });
    const directory = await read(zip);
    expect(directory.entries[0]).toMatchObject({ name: 'a/data.pkl', uncompressedSize: 11, compressedSize: 11 });
    expect(await entryBytes(zip, 'a/data.pkl')).toEqual(data);
  });

  it('refuses a million entries declared in a small file before reading them', async () => {
    const zip = writeZip([{ name: 'a', data: Buffer.from('x') }], { zip64EntryCount: 1_000_000n });
    expect(zip.length).toBeLessThan(300);
    expect((await formatErrorOf(read(zip))).code).toBe('zip_too_many_entries');
    const classic = writeZip([{ name: 'a', data: Buffer.from('x') }], { entryCount: 65_535 });
    expect((await formatErrorOf(read(classic))).code).toBe('zip_too_many_entries');
  });

  it('refuses a central directory that does not hold the declared entries', async () => {
    const zip = writeZip([{ name: 'a', data: Buffer.from('x') }], { entryCount: 2 });
    expect((await formatErrorOf(read(zip))).code).toBe('zip_unreadable');
  });

  it('flags entries hidden past the declared count', async () => {
    const zip = writeZip(
      [
        { name: 'a/data.pkl', data: Buffer.from('x') },
        { name: 'b/data.pkl', data: Buffer.from('y') },
      ],
      { entryCount: 1 },
    );
    expect(codes((await read(zip)).findings)).toEqual(['zip_hidden_entries']);
  });

  it('refuses files without an end record', async () => {
    expect((await formatErrorOf(read(Buffer.from('not a zip at all')))).code).toBe('zip_unreadable');
    expect((await formatErrorOf(read(Buffer.alloc(0)))).code).toBe('zip_unreadable');
  });

  it('refuses false ZIP64 sizes past 2^53, and ZIP64 markers without the extra field', async () => {
    const huge = writeZip([{ name: 'a', data: Buffer.from('x'), zip64Sizes: { uncompressed: 2n ** 62n, compressed: 1n } }]);
    expect((await formatErrorOf(read(huge))).code).toBe('zip_unreadable');
    const missing = writeZip([{ name: 'a', data: Buffer.from('x'), uncompressedSize: 0xffffffff }]);
    expect((await formatErrorOf(read(missing))).code).toBe('zip_unreadable');
  });

  it('flags false ZIP64 sizes that point past the end of the file', async () => {
    const zip = writeZip([{ name: 'a/data/0', data: Buffer.from('x'), zip64Sizes: { uncompressed: 2n ** 40n, compressed: 2n ** 40n } }]);
    expect(codes((await read(zip)).findings)).toEqual(['zip_entry_out_of_bounds']);
  });

  it('flags a declared bomb ratio', async () => {
    const zip = writeZip([{ name: 'archive/data/0', data: Buffer.alloc(10), method: 'deflated', uncompressedSize: 2 ** 31 }]);
    const directory = await read(zip);
    expect(codes(directory.findings)).toEqual(['zip_bomb']);
    expect(directory.findings[0]!.severity).toBe('critical');
  });

  it('flags entries that share bytes (overlapping-entry bombs)', async () => {
    const zip = writeZip([
      { name: 'a', data: Buffer.alloc(100) },
      { name: 'b', data: Buffer.alloc(100), localHeaderOffset: 0 },
    ]);
    expect(codes((await read(zip)).findings)).toEqual(['zip_overlapping_entries']);
  });

  it.each(['../evil.pkl', 'archive/../../etc/passwd', '/etc/passwd', 'C:\\x', '..\\x', 'a/b/..'])(
    'flags the entry name %s',
    async (name) => {
      const findings = (await read(writeZip([{ name, data: Buffer.from('x') }]))).findings;
      expect(findings).toMatchObject([{ severity: 'critical', code: 'zip_unsafe_entry_name', evidence: { names: [name] } }]);
    },
  );

  it('flags symlink entries', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }]);
    expect((await read(zip)).findings).toMatchObject([{ severity: 'critical', code: 'zip_symlink_entry' }]);
  });
});

describe('openZipEntry', () => {
  it('reads a stored entry behind torch-style alignment padding in the local header', async () => {
    const data = Buffer.from('aligned pickle');
    expect(await entryBytes(torchZip(data), 'archive/data.pkl')).toEqual(data);
  });

  it('inflates deflated entries', async () => {
    const data = Buffer.from('deflated '.repeat(100));
    expect(await entryBytes(torchZip(data, { method: 'deflated' }), 'archive/data.pkl')).toEqual(data);
  });

  it('ignores a wrong CRC, as PyTorch does', async () => {
    const data = Buffer.from('bad crc');
    expect(await entryBytes(torchZip(data, { crc32: 0xdeadbeef }), 'archive/data.pkl')).toEqual(data);
    expect(await entryBytes(torchZip(data, { crc32: 0xdeadbeef, method: 'deflated' }), 'archive/data.pkl')).toEqual(data);
  });

  it('stops inflating a bomb at its declared size, without allocating what it would inflate to', async () => {
    // 4 GiB of zeros from 4 MiB: a Buffer that size cannot even be allocated here.
    const zip = writeZip([{ name: 'archive/data.pkl', compressed: deflateBomb(4096), method: 'deflated', uncompressedSize: 1024 }]);
    const started = Date.now();
    expect((await formatErrorOf(entryBytes(zip, 'archive/data.pkl', 64 * 1024 * 1024))).code).toBe('zip_bomb');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses entries larger than the caller allows, before inflating them', async () => {
    const zip = writeZip([{ name: 'a.pkl', compressed: deflateBomb(64), method: 'deflated', uncompressedSize: 64 * 1024 * 1024 }]);
    expect((await formatErrorOf(entryBytes(zip, 'a.pkl', 1024 * 1024))).code).toBe('zip_entry_too_large');
  });

  it.each([
    [
      'an inflated size short of the declared one',
      { data: Buffer.from('short'), method: 'deflated', uncompressedSize: 50 },
      'zip_size_mismatch',
    ],
    ['a stored entry with two sizes', { data: Buffer.from('stored'), uncompressedSize: 3 }, 'zip_size_mismatch'],
    [
      'damaged deflate data',
      { compressed: Buffer.from([0xff, 0xff, 0xff]), method: 'deflated', uncompressedSize: 10 },
      'zip_inflate_failed',
    ],
    ['an encrypted entry', { data: Buffer.from('secret'), flags: 1 }, 'zip_encrypted'],
  ] as const)('refuses %s', async (_, spec, code) => {
    const zip = writeZip([{ name: 'e.pkl', ...spec }]);
    expect((await formatErrorOf(entryBytes(zip, 'e.pkl'))).code).toBe(code);
  });

  it('refuses a method PyTorch cannot read either', async () => {
    const zip = writeZip([{ name: 'e.pkl', data: Buffer.from('x') }]);
    zip.writeUInt16LE(12, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2 in the central directory
    expect((await formatErrorOf(entryBytes(zip, 'e.pkl'))).code).toBe('zip_unsupported_method');
  });
});

describe('readZipEntryHead', () => {
  const head = async (zip: Buffer, length: number) => {
    const source = bufferSource(zip);
    return readZipEntryHead(source, (await readZipDirectory(source)).entries[0]!, length);
  };
  const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) % 251));

  it('returns the first bytes of a stored or deflated entry, or all of a shorter one', async () => {
    for (const method of ['stored', 'deflated'] as const) {
      expect(await head(writeZip([{ name: 'a', data, method }]), 70_000)).toEqual(data.subarray(0, 70_000));
      expect(await head(writeZip([{ name: 'a', data: Buffer.from('short'), method }]), 100)).toEqual(Buffer.from('short'));
    }
  });

  it('inflates no further than it needs: the head of a 4 GiB bomb comes back at once', async () => {
    const zip = writeZip([{ name: 'a', compressed: deflateBomb(4096), method: 'deflated', uncompressedSize: 0xfffffff0 }]);
    const started = Date.now();
    expect(await head(zip, 1000)).toEqual(Buffer.alloc(1000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses damaged deflate data and data shorter than declared', async () => {
    const damaged = writeZip([{ name: 'a', compressed: Buffer.from([0xff, 0xff, 0xff]), method: 'deflated', uncompressedSize: 10 }]);
    expect((await formatErrorOf(head(damaged, 10))).code).toBe('zip_inflate_failed');
    const short = writeZip([{ name: 'a', data: Buffer.from('short'), method: 'deflated', uncompressedSize: 50 }]);
    expect((await formatErrorOf(head(short, 50))).code).toBe('zip_size_mismatch');
  });
});
