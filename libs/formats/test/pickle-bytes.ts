/**
 * Hand assembly of pickles, opcode by opcode, with the byte values and argument encodings of CPython's
 * `pickletools`. The pickles the tests build with it are the ones CPython writes (and, for the dangerous
 * ones, the ones attackers write): `python -m pickletools` disassembles every one of them.
 */
const u8 = (value: number) => Buffer.from([value]);
const u16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
};
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};
const i32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return bytes;
};
const u64 = (value: bigint | number) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(value));
  return bytes;
};
const ascii = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

export const P = {
  PROTO: (protocol: number) => Buffer.concat([u8(0x80), u8(protocol)]),
  FRAME: (length: number) => Buffer.concat([u8(0x95), u64(length)]),
  STOP: ascii('.'),
  MARK: ascii('('),
  POP: ascii('0'),
  POP_MARK: ascii('1'),
  DUP: ascii('2'),
  NONE: ascii('N'),
  NEWTRUE: u8(0x88),
  NEWFALSE: u8(0x89),
  INT: (value: number) => ascii(`I${value}\n`),
  LONG: (value: bigint) => ascii(`L${value}L\n`),
  FLOAT: (value: number) => ascii(`F${value}\n`),
  BININT: (value: number) => Buffer.concat([ascii('J'), i32(value)]),
  BININT1: (value: number) => Buffer.concat([ascii('K'), u8(value)]),
  BININT2: (value: number) => Buffer.concat([ascii('M'), u16(value)]),
  BINFLOAT: (value: number) => {
    const bytes = Buffer.alloc(9);
    bytes[0] = 0x47;
    bytes.writeDoubleBE(value, 1);
    return bytes;
  },
  LONG1: (bytes: Buffer) => Buffer.concat([u8(0x8a), u8(bytes.length), bytes]),
  LONG4: (bytes: Buffer) => Buffer.concat([u8(0x8b), i32(bytes.length), bytes]),
  /** Protocol 0: a quoted repr, escapes allowed (`'o\\x73'`). */
  STRING: (quoted: string) => ascii(`S${quoted}\n`),
  UNICODE: (rawEscaped: string) => ascii(`V${rawEscaped}\n`),
  BINSTRING: (text: string) => Buffer.concat([ascii('T'), i32(text.length), ascii(text)]),
  SHORT_BINSTRING: (text: string) => Buffer.concat([ascii('U'), u8(text.length), ascii(text)]),
  BINUNICODE: (text: string) => Buffer.concat([ascii('X'), u32(utf8(text).length), utf8(text)]),
  SHORT_BINUNICODE: (text: string) => Buffer.concat([u8(0x8c), u8(utf8(text).length), utf8(text)]),
  BINUNICODE8: (text: string) => Buffer.concat([u8(0x8d), u64(utf8(text).length), utf8(text)]),
  BINBYTES: (bytes: Buffer) => Buffer.concat([ascii('B'), u32(bytes.length), bytes]),
  SHORT_BINBYTES: (bytes: Buffer) => Buffer.concat([ascii('C'), u8(bytes.length), bytes]),
  /** The header of a BINBYTES8 of `length` bytes (the payload is appended by the caller, or missing). */
  BINBYTES8_HEADER: (length: bigint | number) => Buffer.concat([u8(0x8e), u64(length)]),
  BYTEARRAY8: (bytes: Buffer) => Buffer.concat([u8(0x96), u64(bytes.length), bytes]),
  NEXT_BUFFER: u8(0x97),
  READONLY_BUFFER: u8(0x98),
  EMPTY_LIST: ascii(']'),
  EMPTY_TUPLE: ascii(')'),
  EMPTY_DICT: ascii('}'),
  EMPTY_SET: u8(0x8f),
  APPEND: ascii('a'),
  APPENDS: ascii('e'),
  LIST: ascii('l'),
  TUPLE: ascii('t'),
  TUPLE1: u8(0x85),
  TUPLE2: u8(0x86),
  TUPLE3: u8(0x87),
  DICT: ascii('d'),
  SETITEM: ascii('s'),
  SETITEMS: ascii('u'),
  ADDITEMS: u8(0x90),
  FROZENSET: u8(0x91),
  GLOBAL: (module: string, name: string) => ascii(`c${module}\n${name}\n`),
  INST: (module: string, name: string) => ascii(`i${module}\n${name}\n`),
  STACK_GLOBAL: u8(0x93),
  REDUCE: ascii('R'),
  BUILD: ascii('b'),
  OBJ: ascii('o'),
  NEWOBJ: u8(0x81),
  NEWOBJ_EX: u8(0x92),
  EXT1: (code: number) => Buffer.concat([u8(0x82), u8(code)]),
  PERSID: (id: string) => ascii(`P${id}\n`),
  BINPERSID: ascii('Q'),
  PUT: (index: number) => ascii(`p${index}\n`),
  GET: (index: number) => ascii(`g${index}\n`),
  BINPUT: (index: number) => Buffer.concat([ascii('q'), u8(index)]),
  BINGET: (index: number) => Buffer.concat([ascii('h'), u8(index)]),
  LONG_BINPUT: (index: number) => Buffer.concat([ascii('r'), u32(index)]),
  LONG_BINGET: (index: number) => Buffer.concat([ascii('j'), u32(index)]),
  MEMOIZE: u8(0x94),
};

export const pickle = (...parts: Buffer[]): Buffer => Buffer.concat(parts);

/** Protocol 4 framing as CPython writes it: one FRAME opcode announcing the length of what follows. */
export function framed(protocol: 4 | 5, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([P.PROTO(protocol), P.FRAME(body.length), body]);
}
