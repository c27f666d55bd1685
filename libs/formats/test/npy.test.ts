import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import type { Finding } from '../src/finding.js';
import { inspectNpy } from '../src/npy.js';
import { parsePythonLiteral, pythonRepr } from '../src/python-literal.js';
import { npyFile, objectArrayPickle } from './npy-writer.js';
import { formatErrorOf } from './test-helpers.js';
import { osSystemViaGlobal } from './torch-pickles.js';

const inspect = (bytes: Buffer) => inspectNpy(bufferSource(bytes), 'array.npy');
const bySeverity = (findings: Finding[]) => findings.map((f) => [f.severity, f.code]);
const withByte = (bytes: Buffer, index: number, value: number) => {
  bytes[index] = value;
  return bytes;
};
const literal = (text: string) => parsePythonLiteral(text, { errorCode: 'bad', maxDepth: 4 });

describe('inspectNpy on arrays np.save writes', () => {
  it('reads the header of a float32 matrix', async () => {
    expect(await inspect(npyFile({ descr: "'<f4'", shape: [2, 3] }))).toEqual({
      facts: { dtype: '<f4', shape: [2, 3], fortranOrder: false, elements: 6 },
      findings: [],
    });
  });

  it('reads versions 2 and 3, Fortran order, scalars and Python 2 longs', async () => {
    const v2 = await inspect(npyFile({ descr: "'>i8'", shape: [3], fortranOrder: true, data: Buffer.alloc(24), version: 2 }));
    expect(v2).toEqual({ facts: { dtype: '>i8', shape: [3], fortranOrder: true, elements: 3 }, findings: [] });
    const v3 = await inspect(npyFile({ descr: "[('é', '<f4')]", shape: [2], version: 3 }));
    expect(v3).toEqual({ facts: { dtype: "[('é', '<f4')]", shape: [2], fortranOrder: false, elements: 2 }, findings: [] });
    const scalar = await inspect(npyFile({ descr: "'<f8'", shape: [], data: Buffer.alloc(8) }));
    expect(scalar.facts).toMatchObject({ shape: [], elements: 1 });
    const python2 = npyFile({
      descr: '',
      shape: [],
      header: "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }",
      data: Buffer.alloc(24),
    });
    expect((await inspect(python2)).facts).toMatchObject({ shape: [2, 3], elements: 6 });
  });

  it('sizes structured, string, datetime and subarray dtypes', async () => {
    const structured =
      "[('a', '<f4'), ('', '|V4'), (('title', 'b'), '<i2', (2, 3)), ('c', [('d', '|u1')]), ('e', '<U3'), ('t', '<M8[ns]')]";
    const itemBytes = 4 + 4 + 2 * 6 + 1 + 12 + 8;
    const result = await inspect(npyFile({ descr: structured, shape: [2], data: Buffer.alloc(2 * itemBytes) }));
    expect(result.findings).toEqual([]);
    expect(result.facts.dtype).toBe(structured);
    const subarray = await inspect(npyFile({ descr: "('<f4', (3,))", shape: [2], data: Buffer.alloc(24) }));
    expect(subarray.findings).toEqual([]);
  });

  it('reads only the header of a large file', async () => {
    const file = npyFile({ descr: "'|u1'", shape: [4 * 1024 * 1024], data: Buffer.alloc(4 * 1024 * 1024) });
    const source = countingSource(bufferSource(file));
    expect((await inspectNpy(source, 'big.npy')).findings).toEqual([]);
    expect(source.bytesRead).toBeLessThanOrEqual(12 + 64 * 1024);
  });
});

describe('inspectNpy on arrays that unpickle', () => {
  it('flags an object array, and walks its pickle', async () => {
    const result = await inspect(npyFile({ descr: "'|O'", shape: [3], data: objectArrayPickle() }));
    expect(bySeverity(result.findings)).toEqual([['critical', 'npy_object_dtype']]);
    expect(result.facts).toEqual({ dtype: '|O', shape: [3], fortranOrder: false, elements: 3 });
  });

  it('reports the imports of a malicious object array', async () => {
    const result = await inspect(npyFile({ descr: "'|O'", shape: [1], data: osSystemViaGlobal() }));
    expect(bySeverity(result.findings)).toEqual([
      ['critical', 'npy_object_dtype'],
      ['critical', 'pickle_dangerous_global'],
    ]);
    expect(result.findings[1]!.evidence).toMatchObject({ pickle: 'array.npy', module: 'os', name: 'system' });
  });

  it.each([["'O'"], ["'<O8'"], ["[('a', '<f4'), ('b', '|O', (2,))]"], ["[('n', [('o', '|O')])]"], ["('|O', (2,))"]])(
    'flags the object dtype %s',
    async (descr) => {
      const result = await inspect(npyFile({ descr, shape: [1], data: osSystemViaGlobal() }));
      expect(bySeverity(result.findings)).toEqual([
        ['critical', 'npy_object_dtype'],
        ['critical', 'pickle_dangerous_global'],
      ]);
    },
  );

  it.each([["'object'"], ["'<T'"], ["'<f5'"], ["'float32'"]])('calls the dtype %s, which no writer produces, critical', async (descr) => {
    expect(bySeverity((await inspect(npyFile({ descr, shape: [1] }))).findings)).toEqual([['critical', 'npy_unsupported_dtype']]);
  });
});

describe('inspectNpy on damaged files', () => {
  it('compares the data with the shape', async () => {
    const short = await inspect(npyFile({ descr: "'<f4'", shape: [2, 3], data: Buffer.alloc(20) }));
    expect(short.findings).toMatchObject([{ severity: 'critical', code: 'npy_truncated', evidence: { expected: '24', actual: '20' } }]);
    const long = await inspect(npyFile({ descr: "'<f4'", shape: [2, 3], data: Buffer.alloc(30) }));
    expect(bySeverity(long.findings)).toEqual([['warning', 'npy_trailing_data']]);
  });

  it.each([
    ['no magic', Buffer.from('not an array at all')],
    ['a pickle named .npy', osSystemViaGlobal()],
    ['version 4', withByte(npyFile({ descr: "'<f4'", shape: [1] }), 6, 4)],
    ['version 1.1', withByte(npyFile({ descr: "'<f4'", shape: [1] }), 7, 1)],
    ['a header longer than the file', npyFile({ descr: "'<f4'", shape: [1], headerLength: 60_000, data: Buffer.alloc(0) })],
    [
      'a header over 64 KiB',
      npyFile({
        descr: "'<f4'",
        shape: [1],
        version: 2,
        header: `{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }${' '.repeat(70_000)}`,
      }),
    ],
    ['a header that is not a dict', npyFile({ descr: '', shape: [], header: "['descr', 'fortran_order', 'shape']" })],
    ['a missing key', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'shape': (1,)}" })],
    ['an extra key', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}" })],
    ['a repeated key', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'descr': '|O', 'fortran_order': False, 'shape': (1,)}" })],
    ['an expression', npyFile({ descr: "__import__('os').system('id')", shape: [1] })],
    ['a comment', npyFile({ descr: "'<f4' # '|O'", shape: [1] })],
    ['strings written side by side', npyFile({ descr: "'|' 'O'", shape: [1] })],
    ['fortran_order 0', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}" })],
    ['a list shape', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': [1]}" })],
    ['a negative dimension', npyFile({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}" })],
    ['more elements than 2^53', npyFile({ descr: "'<f4'", shape: [2 ** 30, 2 ** 30, 2 ** 30], data: Buffer.alloc(0) })],
    ['a field without a name', npyFile({ descr: "[(1, '<f4')]", shape: [1] })],
  ])('refuses %s', async (_, bytes) => {
    expect((await formatErrorOf(inspect(bytes))).code).toBe('npy_malformed');
  });
});

describe('parsePythonLiteral', () => {
  it('tells tuples, parenthesized values and lists apart', () => {
    expect(literal('()')).toEqual({ kind: 'tuple', items: [] });
    expect(literal('(1,)')).toEqual({ kind: 'tuple', items: [1n] });
    expect(literal('(1)')).toBe(1n);
    expect(literal('[1, 2,]')).toEqual({ kind: 'list', items: [1n, 2n] });
    expect(literal("{'a': (None, True, -3), }")).toEqual({
      kind: 'dict',
      entries: new Map([['a', { kind: 'tuple', items: [null, true, -3n] }]]),
    });
  });

  it('decodes escapes and prefixes as Python does', () => {
    expect(literal(String.raw`'\x7cO\u00e9\101\'\\'`)).toBe("|OéA'\\");
    // An unknown escape keeps its backslash.
    expect(literal(String.raw`'\q'`)).toBe('\\q');
    expect(literal(`u"x"`)).toBe('x');
  });

  it('refuses what is not a plain literal', () => {
    for (const text of ['1.5', '007', 'b"x"', "'a' 'b'", 'x', '{1: 2}', "'open", '((((((1))))))', '[1] 2', '1_000']) {
      expect(() => literal(text), text).toThrow();
    }
  });

  it('writes literals back as Python repr', () => {
    expect(pythonRepr(literal("[('a', '<f4', (2,)), (('t', 'b'), \"|O\")]"))).toBe("[('a', '<f4', (2,)), (('t', 'b'), '|O')]");
  });
});
