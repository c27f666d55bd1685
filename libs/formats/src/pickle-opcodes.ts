/**
 * The pickle opcodes of protocols 0–5 with how each one's argument is encoded (CPython's
 * `Lib/pickletools.py`), so that a walker can step over every argument without interpreting it.
 */
export type PickleArgument =
  | 'none'
  | 'uint1'
  | 'uint2'
  | 'uint4'
  | 'int4'
  | 'uint8'
  | 'float8'
  /** A `\n`-terminated line. */
  | 'line'
  /** Two lines: module, then name. */
  | 'linePair'
  /** A length (u1 / i4 / u4 / u8), then that many bytes. */
  | 'counted1'
  | 'countedI4'
  | 'counted4'
  | 'counted8';

export interface PickleOpcode {
  name: string;
  argument: PickleArgument;
  /** The first protocol that has it. */
  protocol: number;
}

export const OP = {
  MARK: 0x28, // (
  STOP: 0x2e, // .
  POP: 0x30, // 0
  POP_MARK: 0x31, // 1
  DUP: 0x32, // 2
  FLOAT: 0x46, // F
  INT: 0x49, // I
  BININT: 0x4a, // J
  BININT1: 0x4b, // K
  LONG: 0x4c, // L
  BININT2: 0x4d, // M
  NONE: 0x4e, // N
  PERSID: 0x50, // P
  BINPERSID: 0x51, // Q
  REDUCE: 0x52, // R
  STRING: 0x53, // S
  BINSTRING: 0x54, // T
  SHORT_BINSTRING: 0x55, // U
  UNICODE: 0x56, // V
  BINUNICODE: 0x58, // X
  APPEND: 0x61, // a
  BUILD: 0x62, // b
  GLOBAL: 0x63, // c
  DICT: 0x64, // d
  EMPTY_DICT: 0x7d, // }
  APPENDS: 0x65, // e
  GET: 0x67, // g
  BINGET: 0x68, // h
  INST: 0x69, // i
  LONG_BINGET: 0x6a, // j
  LIST: 0x6c, // l
  EMPTY_LIST: 0x5d, // ]
  OBJ: 0x6f, // o
  PUT: 0x70, // p
  BINPUT: 0x71, // q
  LONG_BINPUT: 0x72, // r
  SETITEM: 0x73, // s
  TUPLE: 0x74, // t
  EMPTY_TUPLE: 0x29, // )
  SETITEMS: 0x75, // u
  BINFLOAT: 0x47, // G
  PROTO: 0x80,
  NEWOBJ: 0x81,
  EXT1: 0x82,
  EXT2: 0x83,
  EXT4: 0x84,
  TUPLE1: 0x85,
  TUPLE2: 0x86,
  TUPLE3: 0x87,
  NEWTRUE: 0x88,
  NEWFALSE: 0x89,
  LONG1: 0x8a,
  LONG4: 0x8b,
  BINBYTES: 0x42, // B
  SHORT_BINBYTES: 0x43, // C
  SHORT_BINUNICODE: 0x8c,
  BINUNICODE8: 0x8d,
  BINBYTES8: 0x8e,
  EMPTY_SET: 0x8f,
  ADDITEMS: 0x90,
  FROZENSET: 0x91,
  NEWOBJ_EX: 0x92,
  STACK_GLOBAL: 0x93,
  MEMOIZE: 0x94,
  FRAME: 0x95,
  BYTEARRAY8: 0x96,
  NEXT_BUFFER: 0x97,
  READONLY_BUFFER: 0x98,
} as const;

const ARGUMENTS: Record<keyof typeof OP, [PickleArgument, number]> = {
  MARK: ['none', 0],
  STOP: ['none', 0],
  POP: ['none', 0],
  POP_MARK: ['none', 1],
  DUP: ['none', 0],
  FLOAT: ['line', 0],
  INT: ['line', 0],
  BININT: ['int4', 1],
  BININT1: ['uint1', 1],
  LONG: ['line', 0],
  BININT2: ['uint2', 1],
  NONE: ['none', 0],
  PERSID: ['line', 0],
  BINPERSID: ['none', 1],
  REDUCE: ['none', 0],
  STRING: ['line', 0],
  BINSTRING: ['countedI4', 1],
  SHORT_BINSTRING: ['counted1', 1],
  UNICODE: ['line', 0],
  BINUNICODE: ['counted4', 1],
  APPEND: ['none', 0],
  BUILD: ['none', 0],
  GLOBAL: ['linePair', 0],
  DICT: ['none', 0],
  EMPTY_DICT: ['none', 1],
  APPENDS: ['none', 1],
  GET: ['line', 0],
  BINGET: ['uint1', 1],
  INST: ['linePair', 0],
  LONG_BINGET: ['uint4', 1],
  LIST: ['none', 0],
  EMPTY_LIST: ['none', 1],
  OBJ: ['none', 1],
  PUT: ['line', 0],
  BINPUT: ['uint1', 1],
  LONG_BINPUT: ['uint4', 1],
  SETITEM: ['none', 0],
  TUPLE: ['none', 0],
  EMPTY_TUPLE: ['none', 1],
  SETITEMS: ['none', 1],
  BINFLOAT: ['float8', 1],
  PROTO: ['uint1', 2],
  NEWOBJ: ['none', 2],
  EXT1: ['uint1', 2],
  EXT2: ['uint2', 2],
  EXT4: ['int4', 2],
  TUPLE1: ['none', 2],
  TUPLE2: ['none', 2],
  TUPLE3: ['none', 2],
  NEWTRUE: ['none', 2],
  NEWFALSE: ['none', 2],
  LONG1: ['counted1', 2],
  LONG4: ['countedI4', 2],
  BINBYTES: ['counted4', 3],
  SHORT_BINBYTES: ['counted1', 3],
  SHORT_BINUNICODE: ['counted1', 4],
  BINUNICODE8: ['counted8', 4],
  BINBYTES8: ['counted8', 4],
  EMPTY_SET: ['none', 4],
  ADDITEMS: ['none', 4],
  FROZENSET: ['none', 4],
  NEWOBJ_EX: ['none', 4],
  STACK_GLOBAL: ['none', 4],
  MEMOIZE: ['none', 4],
  FRAME: ['uint8', 4],
  BYTEARRAY8: ['counted8', 5],
  NEXT_BUFFER: ['none', 5],
  READONLY_BUFFER: ['none', 5],
};

/** Indexed by opcode byte; `undefined` is not an opcode (the unpickler's "invalid load key"). */
export const PICKLE_OPCODES: readonly (PickleOpcode | undefined)[] = (() => {
  const table: (PickleOpcode | undefined)[] = new Array<PickleOpcode | undefined>(256).fill(undefined);
  for (const [name, code] of Object.entries(OP) as [keyof typeof OP, number][]) {
    const [argument, protocol] = ARGUMENTS[name];
    table[code] = { name, argument, protocol };
  }
  return table;
})();

export const HIGHEST_PICKLE_PROTOCOL = 5;
