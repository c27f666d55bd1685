import { describe, expect, it } from 'vitest';
import { bufferSource, type ByteSource, ByteSourceError, inspectFile, scanVersion } from '@vetted/formats';
import { npyFile } from './npy-writer.js';
import { P, pickle } from './pickle-bytes.js';
import { seededRandom } from './test-helpers.js';
import { legacyHeaderPickles, osSystemViaGlobal, protocol1Call, stateDictPickle } from './torch-pickles.js';
import { writeZip } from './zip-writer.js';

const inspect = (path: string, bytes: Buffer | string) =>
  inspectFile(path, bufferSource(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
const bySeverity = (findings: { severity: string; code: string }[]) => findings.map((f) => [f.severity, f.code]);

/** `(S'id'\nios\nsystem\n.`: protocol 0, text only, starting with MARK and a string, calling os.system through INST. */
const protocol0Inst = pickle(P.MARK, P.STRING("'id'"), P.INST('os', 'system'), P.STOP);
/** The same in protocol 1: a BINUNICODE argument, so NUL bytes, and nothing a sniffer recognizes up front. */
const protocol1Inst = pickle(P.MARK, P.BINUNICODE('id'), P.BINPUT(0), P.INST('posix', 'system'), P.BINPUT(1), P.STOP);

describe('inspectFile on pickles under names no inspector claims', () => {
  it.each([
    ['ckpt.pth.tar', protocol1Inst, 'posix.system'],
    ['weights.dat', protocol0Inst, 'os.system'],
    ['weights', protocol1Call('posix', 'system'), 'posix.system'],
    ['model.safetensors.bak', osSystemViaGlobal(), 'os.system'],
    ['notes.md', protocol0Inst, 'os.system'],
  ])('calls %s critical', async (path, bytes, global) => {
    const scan = await inspect(path, bytes);
    expect(scan).toMatchObject({ status: 'critical', inspector: 'pickle' });
    const finding = scan.findings.find((f) => f.code === 'pickle_dangerous_global');
    expect(finding).toMatchObject({ severity: 'critical' });
    expect(`${String(finding?.evidence?.module)}.${String(finding?.evidence?.name)}`).toBe(global);
  });

  it('scans a legacy torch file written with protocol 0 under any name', async () => {
    const [magic, version, sysInfo] = legacyHeaderPickles(0);
    const scan = await inspect('checkpoint.tar', Buffer.concat([magic!, version!, sysInfo!, protocol1Call('os', 'system')]));
    expect(scan).toMatchObject({ status: 'critical', sniffed: 'torch_legacy', facts: { container: 'legacy' } });
    expect(scan.findings.map((f) => f.code)).toContain('pickle_dangerous_global');
  });

  it('reports a dangerous import that runs before the damage that stops the unpickler', async () => {
    const scan = await inspect(
      'weights.dat',
      Buffer.concat([pickle(P.MARK, P.STRING("'id'"), P.INST('os', 'system')), Buffer.from([0xff, 0x00])]),
    );
    expect(bySeverity(scan.findings)).toEqual([['critical', 'pickle_dangerous_global']]);
  });

  it('reports an unknown import that a call consumed before the damage as a warning', async () => {
    const called = Buffer.concat([pickle(P.MARK, P.BINUNICODE('x'), P.INST('mytools', 'run_shell')), Buffer.from([0xff, 0x00])]);
    expect(bySeverity((await inspect('weights.dat', called)).findings)).toEqual([['warning', 'pickle_unknown_global']]);
  });

  it('scans a whole pickle with an unknown name as a checkpoint', async () => {
    const scan = await inspect('state.data', stateDictPickle(4));
    expect(scan).toMatchObject({ status: 'clean', inspector: 'pickle', facts: { container: 'pickle' } });
    const damaged = await inspect('state.data', stateDictPickle(4).subarray(0, 60));
    expect(bySeverity(damaged.findings)).toEqual([['critical', 'pickle_truncated']]);
  });
});

describe('inspectFile on ordinary files', () => {
  const random = seededRandom(7);
  const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  /** The start of a SentencePiece model: a protobuf whose first field is a piece (tag 0x0a). */
  const sentencePiece = Buffer.concat([
    Buffer.from([0x0a, 0x0b, 0x0a, 0x05]),
    Buffer.from('<unk>'),
    Buffer.from([0x15, 0, 0, 0, 0, 0x18, 0x02]),
  ]);

  it.each([
    ['tokenizer.model', sentencePiece],
    ['LICENSE', 'Apache License\n                           Version 2.0, January 2004\n'],
    ['LICENSE.txt', 'MIT License\n\nCopyright (c) 2024\n'],
    ['merges.txt', '#version: 0.2\n\u0120 t\n\u0120 a\nh e\ni n\n'],
    ['labels.txt', 'cat\ndog\nfish\n'],
    ['vocab.txt', '[PAD]\n[unused0]\n[CLS]\n'],
    ['README.md', '# Model card\n\nclass Net: weights\n'],
    ['model.weights', noise],
    ['data.csv', 'c1,c2\n1,2\n'],
  ])('keeps %s clean', async (path, bytes) => {
    const scan = await inspect(path, bytes);
    expect(scan).toMatchObject({ status: 'clean', inspector: 'none', findings: [] });
  });

  it('keeps Python source a warning about the script, not a pickle', async () => {
    const scan = await inspect('modeling_custom.py', 'import os\nos.system("id")\n');
    expect(bySeverity(scan.findings)).toEqual([['warning', 'executable_script']]);
  });
});

describe('inspectFile on NumPy files', () => {
  it('reads a .npy file by its name, and by its bytes under another name', async () => {
    expect(await inspect('arrays/w.npy', npyFile({ descr: "'<f4'", shape: [2] }))).toMatchObject({
      status: 'clean',
      inspector: 'npy',
      sniffed: 'npy',
      facts: { dtype: '<f4', shape: [2], elements: 2 },
    });
    const objects = await inspect('weights', npyFile({ descr: "'|O'", shape: [1], data: osSystemViaGlobal() }));
    expect(objects).toMatchObject({ status: 'critical', inspector: 'npy' });
    expect(bySeverity(objects.findings)).toEqual([
      ['critical', 'npy_object_dtype'],
      ['critical', 'pickle_dangerous_global'],
    ]);
  });

  it('calls a .npy file that is something else critical', async () => {
    const scan = await inspect('w.npy', osSystemViaGlobal());
    expect(bySeverity(scan.findings)).toEqual([
      ['critical', 'format_mismatch'],
      ['critical', 'npy_malformed'],
    ]);
  });

  it('reads the arrays of a .npz', async () => {
    const npz = writeZip([{ name: 'x.npy', data: npyFile({ descr: "'|O'", shape: [1], data: osSystemViaGlobal() }) }]);
    const scan = await inspect('arrays.npz', npz);
    expect(scan).toMatchObject({ status: 'critical', inspector: 'pickle', sniffed: 'zip' });
    expect(bySeverity(scan.findings)).toEqual([
      ['critical', 'npy_object_dtype'],
      ['critical', 'pickle_dangerous_global'],
    ]);
  });
});

describe('inspectFile when the bytes cannot be read', () => {
  const failing = (error: Error): ByteSource => ({ size: 1024, read: () => Promise.reject(error) });

  it('rethrows a ByteSourceError for the caller to retry', async () => {
    const error = new ByteSourceError('storage unavailable');
    await expect(inspectFile('model.safetensors', failing(error))).rejects.toBe(error);
    await expect(scanVersion([{ path: 'model.bin', size: 1024, source: failing(error) }])).rejects.toBe(error);
  });

  it('still fails closed on any other error', async () => {
    const scan = await inspectFile('model.safetensors', failing(new Error('bug')));
    expect(scan).toMatchObject({ status: 'error', findings: [{ severity: 'critical', code: 'scan_failed' }] });
  });
});
