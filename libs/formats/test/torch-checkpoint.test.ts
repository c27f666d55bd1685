import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource, fileSource } from '../src/byte-source.js';
import type { Finding } from '../src/finding.js';
import { inspectPickleCheckpoint } from '../src/torch-checkpoint.js';
import { npyFile, objectArrayPickle } from './npy-writer.js';
import { P, pickle } from './pickle-bytes.js';
import {
  builtinsExecProtocol0,
  legacyHeaderPickles,
  legacyTorchFile,
  openForWriting,
  osSystemPickle,
  osSystemViaGlobal,
  posixSystem,
  protocol1Call,
  stateDictPickle,
} from './torch-pickles.js';
import { deflateBomb, torchZip, writeZip, type ZipEntrySpec } from './zip-writer.js';

const inspect = (bytes: Buffer, file = 'model.pt') => inspectPickleCheckpoint(bufferSource(bytes), file);
const critical = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity === 'critical')
    .map((f) => f.code)
    .sort();
/** A clean torch.save zip with more entries. */
const torchZipWith = (entries: ZipEntrySpec[]) =>
  writeZip([{ name: 'archive/data.pkl', data: stateDictPickle(2) }, ...entries, { name: 'archive/version', data: Buffer.from('3\n') }]);
const bySeverity = (findings: Finding[]) => findings.map((f) => [f.severity, f.code]);
const dangerous = (findings: Finding[]) =>
  findings.filter((f) => f.code === 'pickle_dangerous_global').map((f) => `${String(f.evidence?.module)}.${String(f.evidence?.name)}`);

describe('inspectPickleCheckpoint on torch zips', () => {
  it('passes a clean torch.save zip', async () => {
    const result = await inspect(torchZip(stateDictPickle(2)));
    expect(result.findings).toEqual([]);
    expect(result.facts).toEqual({
      container: 'zip',
      zipEntries: 4,
      pickles: [
        {
          name: 'archive/data.pkl',
          protocol: 2,
          globals: ['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage'],
          opcodeCount: 44,
        },
      ],
    });
  });

  it('flags archive/data.pkl calling os.system through STACK_GLOBAL', async () => {
    const result = await inspect(torchZip(osSystemPickle()));
    expect(critical(result.findings)).toEqual(['pickle_dangerous_global']);
    expect(result.findings[0]!.evidence).toMatchObject({
      pickle: 'archive/data.pkl',
      module: 'os',
      name: 'system',
      opcode: 'STACK_GLOBAL',
    });
  });

  it('still scans an entry whose CRC is wrong', async () => {
    for (const method of ['stored', 'deflated'] as const) {
      const result = await inspect(torchZip(osSystemPickle(), { crc32: 0x12345678, method }));
      expect(dangerous(result.findings)).toEqual(['os.system']);
    }
  });

  it('scans renamed pickles and archive folders', async () => {
    for (const [archive, pickleName] of [
      ['weights', 'data.pkl'],
      ['archive', 'DATA.PKL'],
      ['x', 'renamed.pkl'],
    ]) {
      const result = await inspect(torchZip(posixSystem(), { archive, pickleName }), 'model.bin');
      expect(dangerous(result.findings)).toEqual(['posix.system']);
      expect(result.facts.pickles.map((p) => p.name)).toEqual([`${archive}/${pickleName}`]);
    }
  });

  it('scans every pickle of the archive', async () => {
    const zip = writeZip([
      { name: 'archive/data.pkl', data: stateDictPickle(4) },
      { name: 'archive/constants.pkl', data: osSystemViaGlobal(), method: 'deflated' },
    ]);
    const result = await inspect(zip);
    expect(result.facts.pickles.map((p) => p.name)).toEqual(['archive/data.pkl', 'archive/constants.pkl']);
    expect(dangerous(result.findings)).toEqual(['os.system']);
  });

  it('reports a deflated data.pkl that inflates past its declared size as a bomb, quickly', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', compressed: deflateBomb(4096), method: 'deflated', uncompressedSize: 1024 }]);
    const started = Date.now();
    expect(critical((await inspect(zip)).findings)).toEqual(['zip_bomb']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a declared bomb ratio, and still scans the pickle', async () => {
    const zip = writeZip([
      { name: 'archive/data.pkl', data: osSystemPickle() },
      { name: 'archive/data/0', data: Buffer.alloc(100), method: 'deflated', uncompressedSize: 0xfffffff0 },
    ]);
    // The storage is probed too, and inflates to far less than it declares.
    expect(critical((await inspect(zip)).findings)).toEqual(['pickle_dangerous_global', 'zip_bomb', 'zip_size_mismatch']);
  });

  it('fails closed on archives it cannot read', async () => {
    const millionEntries = writeZip([{ name: 'archive/data.pkl', data: stateDictPickle(2) }], { zip64EntryCount: 1_000_000n });
    expect(await inspect(millionEntries)).toMatchObject({
      facts: { container: 'zip', pickles: [] },
      findings: [{ severity: 'critical', code: 'zip_too_many_entries' }],
    });
    const noDirectory = torchZip(stateDictPickle(2)).subarray(0, 100);
    expect(critical((await inspect(noDirectory)).findings)).toEqual(['zip_unreadable']);
  });

  it('flags traversal and symlink entries next to a clean pickle', async () => {
    const zip = writeZip([
      { name: 'archive/data.pkl', data: stateDictPickle(2) },
      { name: '../../etc/cron.d/x', data: Buffer.from('* * * * * root id') },
      { name: 'archive/link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
    ]);
    expect(critical((await inspect(zip)).findings)).toEqual(['zip_symlink_entry', 'zip_unsafe_entry_name']);
  });

  it('warns about a zip with no pickle and about TorchScript code', async () => {
    expect((await inspect(writeZip([{ name: 'a/b.txt', data: Buffer.from('x') }]))).findings).toMatchObject([
      { severity: 'warning', code: 'zip_no_pickle' },
    ]);
    const scripted = writeZip([
      { name: 'archive/data.pkl', data: stateDictPickle(2) },
      { name: 'archive/code/__torch__.py', data: Buffer.from('def forward(self): ...') },
    ]);
    expect((await inspect(scripted)).findings).toMatchObject([{ severity: 'warning', code: 'zip_contains_code' }]);
  });

  it('reports an encrypted pickle as unscanned', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', data: osSystemPickle(), flags: 1 }]);
    expect(critical((await inspect(zip)).findings)).toEqual(['zip_encrypted']);
  });
});

describe('inspectPickleCheckpoint on pickles anywhere in a zip', () => {
  it.each(['archive/weights', 'archive/data'])('walks a pickle stored as %s like data.pkl', async (name) => {
    for (const method of ['stored', 'deflated'] as const) {
      const zip = writeZip([
        { name: 'archive/version', data: Buffer.from('3\n') },
        { name, data: osSystemPickle(), method },
      ]);
      const result = await inspect(zip);
      expect(bySeverity(result.findings)).toEqual([['critical', 'pickle_dangerous_global']]);
      expect(result.findings[0]!.evidence).toMatchObject({ pickle: name, module: 'os', name: 'system' });
      expect(result.facts.pickles.map((p) => p.name)).toEqual([name]);
    }
  });

  it('walks every pickle of a legacy torch stream stored under any name', async () => {
    const zip = writeZip([{ name: 'archive/blob', data: legacyTorchFile(posixSystem()) }]);
    expect(dangerous((await inspect(zip)).findings)).toEqual(['posix.system']);
  });

  it('does not mistake tensor storages that start like a pickle for damaged pickles', async () => {
    const tensor = (...head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(8192, 0xff)]);
    const zip = torchZipWith([
      { name: 'archive/data/0', data: tensor(0x80, 0x02, 0x4b, 0x01) }, // PROTO 2, BININT1 1, then no opcode
      { name: 'archive/data/1', data: tensor(0x4e, 0x2e) }, // None, STOP: a complete pickle, then bytes
      { name: 'archive/data/2', data: tensor(0x80, 0x02, 0x8e), method: 'deflated' }, // BINBYTES8 past the end
    ]);
    const result = await inspect(zip);
    expect(result.findings).toEqual([]);
    expect(result.facts.pickles.map((p) => p.name)).toEqual(['archive/data.pkl']);
  });

  it('opens a zip inside the zip, whatever its name, and names its entries outer!inner', async () => {
    const inner = writeZip([
      { name: 'inner/data.pkl', data: osSystemPickle() },
      { name: 'inner/weights', data: posixSystem(), method: 'deflated' },
      { name: '../escape', data: Buffer.from('x') },
    ]);
    for (const method of ['stored', 'deflated'] as const) {
      const result = await inspect(torchZipWith([{ name: 'archive/extra', data: inner, method }]));
      expect(result.facts.nestedArchives).toEqual(['archive/extra']);
      expect(critical(result.findings)).toEqual(['pickle_dangerous_global', 'pickle_dangerous_global', 'zip_unsafe_entry_name']);
      expect(result.findings.map((f) => f.evidence?.pickle ?? f.evidence?.archive)).toEqual([
        'archive/extra',
        'archive/extra!inner/data.pkl',
        'archive/extra!inner/weights',
      ]);
    }
  });

  it('opens archives two levels deep and reports a third level critical, unopened', async () => {
    const third = writeZip([{ name: 'c/data.pkl', data: osSystemPickle() }]);
    const second = writeZip([
      { name: 'b/data.pkl', data: posixSystem() },
      { name: 'b/c.zip', data: third },
    ]);
    const first = writeZip([{ name: 'a/b.zip', data: second }]);
    const result = await inspect(torchZipWith([{ name: 'archive/a.zip', data: first }]));
    expect(dangerous(result.findings)).toEqual(['posix.system']);
    expect(result.findings.find((f) => f.code === 'pickle_dangerous_global')!.evidence).toMatchObject({
      pickle: 'archive/a.zip!a/b.zip!b/data.pkl',
    });
    expect(result.findings.filter((f) => f.code === 'archive_too_deep')).toMatchObject([
      { severity: 'critical', evidence: { entry: 'archive/a.zip!a/b.zip!b/c.zip' } },
    ]);
    expect(result.facts.nestedArchives).toEqual(['archive/a.zip', 'archive/a.zip!a/b.zip']);
  });

  it('bounds the nested archives and entries one file may make it walk', async () => {
    const small = writeZip([{ name: 'x/version', data: Buffer.from('3\n') }]);
    const many = torchZipWith(Array.from({ length: 17 }, (_, i) => ({ name: `archive/nested/${i}`, data: small })));
    expect((await inspect(many)).findings).toMatchObject([
      { severity: 'critical', code: 'archive_limit_exceeded', evidence: { entry: 'archive/nested/16' } },
    ]);
    const wide = writeZip(Array.from({ length: 6_000 }, (_, i) => ({ name: `w/${i}` })));
    const tooWide = await inspect(
      torchZipWith([
        { name: 'archive/a', data: wide },
        { name: 'archive/b', data: wide },
      ]),
    );
    expect(tooWide.findings).toMatchObject([{ severity: 'critical', code: 'zip_too_many_entries', evidence: { archive: 'archive/b' } }]);
  });
});

describe('inspectPickleCheckpoint on pickle streams', () => {
  it.each([2, 4] as const)('scans the five pickles of a legacy torch file (magic in protocol %i), not its storages', async (protocol) => {
    const clean = await inspect(legacyTorchFile(stateDictPickle(2), protocol), 'pytorch_model.bin');
    expect(clean.findings).toEqual([]);
    expect(clean.facts.container).toBe('legacy');
    expect(clean.facts.pickles.map((p) => p.name)).toEqual(['magic_number', 'protocol_version', 'sys_info', 'data', 'storage_keys']);
    expect(clean.facts.pickles[3]!.globals).toEqual(['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage']);

    const attack = await inspect(legacyTorchFile(osSystemViaGlobal(), protocol), 'pytorch_model.bin');
    expect(dangerous(attack.findings)).toEqual(['os.system']);
    expect(attack.findings[0]!.evidence).toMatchObject({ pickle: 'data' });
  });

  it('reports a legacy file cut short', async () => {
    const file = legacyTorchFile(stateDictPickle(2));
    const result = await inspect(file.subarray(0, 120));
    expect(result.facts.container).toBe('legacy');
    expect(critical(result.findings)).toEqual(['pickle_truncated']);
  });

  it('scans a plain pickle and the pickles concatenated after it', async () => {
    const single = await inspect(stateDictPickle(4), 'model.pkl');
    expect(single).toMatchObject({ facts: { container: 'pickle', pickles: [{ name: 'model.pkl', protocol: 4 }] }, findings: [] });
    const concatenated = await inspect(Buffer.concat([stateDictPickle(4), osSystemViaGlobal()]), 'model.pkl');
    expect(concatenated.facts.pickles.map((p) => p.name)).toEqual(['model.pkl', 'model.pkl#1']);
    expect(dangerous(concatenated.findings)).toEqual(['os.system']);
  });

  it.each([0, 1] as const)('scans the five pickles of a legacy torch file written with pickle protocol %i', async (protocol) => {
    const clean = await inspect(legacyTorchFile(stateDictPickle(2), protocol), 'pytorch_model.bin');
    expect(clean.findings).toEqual([]);
    expect(clean.facts.container).toBe('legacy');
    expect(clean.facts.pickles.map((p) => [p.name, p.protocol])).toEqual([
      ['magic_number', 0],
      ['protocol_version', protocol],
      ['sys_info', protocol],
      ['data', 2],
      ['storage_keys', protocol],
    ]);

    const attack = await inspect(legacyTorchFile(protocol1Call('posix', 'system'), protocol), 'pytorch_model.bin');
    expect(bySeverity(attack.findings)).toEqual([['critical', 'pickle_dangerous_global']]);
    expect(attack.findings[0]!.evidence).toMatchObject({ pickle: 'data', module: 'posix', name: 'system' });
  });

  it('scans the object pickle of a protocol 0 legacy file whose sys_info is a protocol 1 empty dict', async () => {
    const [magic, version] = legacyHeaderPickles(0);
    const file = Buffer.concat([magic!, version!, pickle(P.EMPTY_DICT, P.BINPUT(0), P.STOP), protocol1Call('posix', 'system')]);
    const result = await inspect(file, 'pytorch_model.bin');
    expect(result.facts.container).toBe('legacy');
    expect(dangerous(result.findings)).toEqual(['posix.system']);
    expect(result.findings.find((f) => f.code === 'pickle_dangerous_global')).toMatchObject({
      severity: 'critical',
      evidence: { pickle: 'data' },
    });
    // The storage keys pickle is missing: that is damage too.
    expect(critical(result.findings)).toEqual(['pickle_dangerous_global', 'pickle_truncated']);
  });

  it('walks whatever follows a pickle as the next one, whatever its first byte', async () => {
    const first = stateDictPickle(2);
    for (const next of [builtinsExecProtocol0(), protocol1Call('os', 'system')]) {
      const result = await inspect(Buffer.concat([first, next]), 'model.pkl');
      expect(result.facts.pickles.map((p) => p.name)).toEqual(['model.pkl', 'model.pkl#1']);
      expect(critical(result.findings)).toEqual(['pickle_dangerous_global']);
    }
  });

  it('calls trailing bytes that are no pickle critical: nobody scanned them', async () => {
    const first = stateDictPickle(2);
    const result = await inspect(Buffer.concat([first, Buffer.from('trailing')]), 'model.pkl');
    expect(result.findings).toMatchObject([
      { severity: 'critical', code: 'pickle_trailing_data', evidence: { offset: first.length, reason: 'pickle_malformed' } },
    ]);
    expect(result.facts.pickles.map((p) => p.name)).toEqual(['model.pkl']);
    // A dangerous import before the damage is reported as well.
    const damaged = await inspect(Buffer.concat([first, P.GLOBAL('os', 'system'), Buffer.from([0xff])]), 'model.pkl');
    expect(bySeverity(damaged.findings)).toEqual([
      ['critical', 'pickle_dangerous_global'],
      ['critical', 'pickle_trailing_data'],
    ]);
  });

  it('stops after MAX_RAW_PICKLES concatenated pickles, critically', async () => {
    const none = pickle(P.NONE, P.STOP);
    const result = await inspect(Buffer.concat(Array.from({ length: 20 }, () => none)), 'model.pkl');
    expect(result.facts.pickles).toHaveLength(16);
    expect(bySeverity(result.findings)).toEqual([['critical', 'pickle_limit_exceeded']]);
  });

  it('fails closed on what it cannot scan', async () => {
    expect(critical((await inspect(Buffer.alloc(0))).findings)).toEqual(['checkpoint_empty']);
    expect(critical((await inspect(gzipSync(osSystemViaGlobal()), 'model.joblib')).findings)).toEqual(['checkpoint_compressed']);
    expect(critical((await inspect(Buffer.from('not a pickle'))).findings)).toEqual(['pickle_malformed']);
  });

  it('recognizes a tar header by its checksum, as the legacy loader does', async () => {
    const header = Buffer.alloc(1024);
    header.write('sys_info', 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.fill(0x20, 148, 156);
    const sum = header.subarray(0, 512).reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(await inspect(header)).toMatchObject({ facts: { container: 'unsupported' }, findings: [{ code: 'checkpoint_tar' }] });
  });
});

describe('inspectPickleCheckpoint on NumPy archives (.npz)', () => {
  it('reads the headers of the arrays np.savez writes, stored or deflated', async () => {
    const npz = writeZip([
      { name: 'weight.npy', data: npyFile({ descr: "'<f4'", shape: [2, 3] }) },
      { name: 'bias.npy', data: npyFile({ descr: "'<f4'", shape: [3] }), method: 'deflated' },
    ]);
    const result = await inspect(npz, 'arrays.npz');
    expect(result.findings).toEqual([]);
    expect(result.facts).toEqual({
      container: 'zip',
      zipEntries: 2,
      pickles: [],
      arrays: [
        { name: 'weight.npy', dtype: '<f4', shape: [2, 3], fortranOrder: false, elements: 6 },
        { name: 'bias.npy', dtype: '<f4', shape: [3], fortranOrder: false, elements: 3 },
      ],
    });
  });

  it('flags an object array and reports what its pickle imports', async () => {
    const attack = npyFile({ descr: "'|O'", shape: [1], data: osSystemViaGlobal() });
    for (const method of ['stored', 'deflated'] as const) {
      const result = await inspect(writeZip([{ name: 'x.npy', data: attack, method }]), 'arrays.npz');
      expect(bySeverity(result.findings)).toEqual([
        ['critical', 'npy_object_dtype'],
        ['critical', 'pickle_dangerous_global'],
      ]);
      expect(result.findings[1]!.evidence).toMatchObject({ pickle: 'x.npy', module: 'os', name: 'system' });
    }
    const plainObjects = await inspect(
      writeZip([{ name: 'x.npy', data: npyFile({ descr: "'|O'", shape: [3], data: objectArrayPickle() }) }]),
    );
    expect(bySeverity(plainObjects.findings)).toEqual([['critical', 'npy_object_dtype']]);
    expect(plainObjects.facts.pickles[0]!.globals).toEqual(['numpy._core.multiarray._reconstruct', 'numpy.ndarray', 'numpy.dtype']);
  });

  it('finds an array np.load reads under a name without .npy', async () => {
    const npz = writeZip([{ name: 'x', data: npyFile({ descr: "'|O'", shape: [1], data: osSystemViaGlobal() }), method: 'deflated' }]);
    expect(critical((await inspect(npz, 'arrays.npz')).findings)).toEqual(['npy_object_dtype', 'pickle_dangerous_global']);
  });

  it('reads only the header of a large deflated array', async () => {
    const mebibytes = 80;
    const header = npyFile({ descr: "'<f4'", shape: [mebibytes * 256 * 1024], data: Buffer.alloc(0) });
    const compressed = Buffer.concat([deflateRawSync(header, { finishFlush: constants.Z_FULL_FLUSH }), deflateBomb(mebibytes)]);
    const npz = writeZip([{ name: 'big.npy', compressed, method: 'deflated', uncompressedSize: header.length + mebibytes * 1024 * 1024 }]);
    const result = await inspect(npz, 'arrays.npz');
    expect(result.findings).toEqual([]);
    expect(result.facts.arrays).toMatchObject([{ name: 'big.npy', elements: mebibytes * 256 * 1024 }]);
  });

  it('reports an array header it cannot read', async () => {
    const npz = writeZip([{ name: 'x.npy', data: npyFile({ descr: "'<f4'", shape: [2], header: "{'descr': '<f4'}" }) }]);
    expect((await inspect(npz, 'arrays.npz')).findings).toMatchObject([
      { severity: 'critical', code: 'npy_malformed', evidence: { entry: 'x.npy' } },
    ]);
  });
});

describe('nothing is ever unpickled', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vetted-canary-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scans pickles that would create files, and the files never appear', async () => {
    const openCanary = path.join(dir, 'opened');
    const shellCanary = path.join(dir, 'touched');
    const files = {
      'model.pkl': openForWriting(openCanary),
      'model.pt': torchZip(osSystemPickle(`touch ${shellCanary}`)),
      'pytorch_model.bin': legacyTorchFile(
        pickle(P.PROTO(2), P.GLOBAL('os', 'system'), P.BINUNICODE(`touch ${shellCanary}`), P.TUPLE1, P.REDUCE, P.STOP),
      ),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      const source = await fileSource(file);
      try {
        const result = await inspectPickleCheckpoint(source, name);
        expect(critical(result.findings)).toEqual(['pickle_dangerous_global']);
      } finally {
        await source.close();
      }
    }
    expect(existsSync(openCanary)).toBe(false);
    expect(existsSync(shellCanary)).toBe(false);
  });
});
