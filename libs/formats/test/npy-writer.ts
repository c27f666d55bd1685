import { framed, P } from './pickle-bytes.js';

/**
 * `.npy` files as `numpy.lib.format` writes them: `\x93NUMPY`, the version, the little-endian header length
 * (2 bytes in version 1, 4 in versions 2 and 3), then the header dict's repr — keys sorted, each followed by
 * `, ` — padded with spaces and a newline so that the data starts on a multiple of 64 bytes, then the data.
 */
export interface NpyOptions {
  /** The descr as Python source: `'<f4'`, `[('a', '<f4'), ('b', '|O')]`. */
  descr: string;
  shape: number[];
  fortranOrder?: boolean;
  /** The array bytes, or the pickle of an object array; zeros of the right size when left out. */
  data?: Buffer;
  version?: 1 | 2 | 3;
  /** Written instead of the dict NumPy would write (still padded). */
  header?: string;
  /** Written instead of the real header length. */
  headerLength?: number;
}

export function npyFile(options: NpyOptions): Buffer {
  const version = options.version ?? 1;
  const shape = options.shape.length === 1 ? `(${options.shape[0]},)` : `(${options.shape.join(', ')})`;
  const dict =
    options.header ?? `{'descr': ${options.descr}, 'fortran_order': ${options.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const preamble = 8 + (version === 1 ? 2 : 4);
  const body = Buffer.from(dict, version === 3 ? 'utf8' : 'latin1');
  const padding = 64 - ((preamble + body.length + 1) % 64 || 64);
  const header = Buffer.concat([body, Buffer.alloc(padding, 0x20), Buffer.from('\n')]);
  const length = Buffer.alloc(preamble - 8);
  if (version === 1) length.writeUInt16LE(options.headerLength ?? header.length);
  else length.writeUInt32LE(options.headerLength ?? header.length);
  const elements = options.shape.reduce((product, dimension) => product * dimension, 1);
  const data = options.data ?? Buffer.alloc(elements * 4);
  return Buffer.concat([Buffer.from('\x93NUMPY', 'latin1'), Buffer.from([version, 0]), length, header, data]);
}

/**
 * What `np.save` writes after the header of `np.array([1, 'a', None], dtype=object)` (NumPy 2, pickle protocol
 * 4): `_reconstruct(ndarray, (0,), b'b')`, then `__setstate__` with the dtype and the list of objects.
 */
export function objectArrayPickle(): Buffer {
  return framed(
    4,
    P.SHORT_BINUNICODE('numpy._core.multiarray'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('_reconstruct'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.SHORT_BINUNICODE('numpy'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('ndarray'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.BININT1(0),
    P.TUPLE1,
    P.MEMOIZE,
    P.SHORT_BINBYTES(Buffer.from('b')),
    P.MEMOIZE,
    P.TUPLE3,
    P.MEMOIZE,
    P.REDUCE,
    P.MEMOIZE,
    P.MARK,
    P.BININT1(1),
    P.BININT1(3),
    P.TUPLE1,
    P.MEMOIZE,
    P.BINGET(3),
    P.SHORT_BINUNICODE('dtype'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.SHORT_BINUNICODE('O8'),
    P.MEMOIZE,
    P.NEWFALSE,
    P.NEWTRUE,
    P.TUPLE3,
    P.MEMOIZE,
    P.REDUCE,
    P.MEMOIZE,
    P.MARK,
    P.BININT1(3),
    P.SHORT_BINUNICODE('|'),
    P.MEMOIZE,
    P.NONE,
    P.NONE,
    P.NONE,
    P.BININT(-1),
    P.BININT(-1),
    P.BININT1(63),
    P.TUPLE,
    P.MEMOIZE,
    P.BUILD,
    P.NEWFALSE,
    P.EMPTY_LIST,
    P.MEMOIZE,
    P.MARK,
    P.BININT1(1),
    P.SHORT_BINUNICODE('a'),
    P.MEMOIZE,
    P.NONE,
    P.APPENDS,
    P.TUPLE,
    P.MEMOIZE,
    P.BUILD,
    P.STOP,
  );
}
