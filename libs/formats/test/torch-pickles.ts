import { framed, P, pickle } from './pickle-bytes.js';

/**
 * Pickles as `torch.save` writes them for `OrderedDict([(key, tensor)])` — opcode for opcode what CPython's
 * pickler emits (protocol 2: GLOBAL + BINPUT; protocol 4: FRAME + STACK_GLOBAL + MEMOIZE) — and the attacks
 * of security.md T1.
 */
export function stateDictPickle(protocol: 2 | 4, key = 'weight'): Buffer {
  if (protocol === 2) {
    return pickle(
      P.PROTO(2),
      P.GLOBAL('collections', 'OrderedDict'),
      P.BINPUT(0),
      P.EMPTY_TUPLE,
      P.REDUCE,
      P.BINPUT(1),
      P.BINUNICODE(key),
      P.BINPUT(2),
      P.GLOBAL('torch._utils', '_rebuild_tensor_v2'),
      P.BINPUT(3),
      P.MARK,
      P.MARK,
      P.BINUNICODE('storage'),
      P.BINPUT(4),
      P.GLOBAL('torch', 'FloatStorage'),
      P.BINPUT(5),
      P.BINUNICODE('0'),
      P.BINPUT(6),
      P.BINUNICODE('cpu'),
      P.BINPUT(7),
      P.BININT1(4),
      P.TUPLE,
      P.BINPUT(8),
      P.BINPERSID,
      P.BININT1(0),
      P.BININT1(2),
      P.BININT1(2),
      P.TUPLE2,
      P.BINPUT(9),
      P.BININT1(2),
      P.BININT1(1),
      P.TUPLE2,
      P.BINPUT(10),
      P.NEWFALSE,
      P.BINGET(0),
      P.EMPTY_TUPLE,
      P.REDUCE,
      P.BINPUT(11),
      P.TUPLE,
      P.BINPUT(12),
      P.REDUCE,
      P.BINPUT(13),
      P.SETITEM,
      P.STOP,
    );
  }
  return framed(
    4,
    P.SHORT_BINUNICODE('collections'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('OrderedDict'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.EMPTY_TUPLE,
    P.REDUCE,
    P.MEMOIZE,
    P.SHORT_BINUNICODE(key),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('torch._utils'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('_rebuild_tensor_v2'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.MARK,
    P.MARK,
    P.SHORT_BINUNICODE('storage'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('torch'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('FloatStorage'),
    P.MEMOIZE,
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.SHORT_BINUNICODE('0'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('cpu'),
    P.MEMOIZE,
    P.BININT1(4),
    P.TUPLE,
    P.MEMOIZE,
    P.BINPERSID,
    P.BININT1(0),
    P.BININT1(2),
    P.BININT1(2),
    P.TUPLE2,
    P.MEMOIZE,
    P.BININT1(2),
    P.BININT1(1),
    P.TUPLE2,
    P.MEMOIZE,
    P.NEWFALSE,
    P.BINGET(2),
    P.EMPTY_TUPLE,
    P.REDUCE,
    P.MEMOIZE,
    P.TUPLE,
    P.MEMOIZE,
    P.REDUCE,
    P.MEMOIZE,
    P.SETITEM,
    P.STOP,
  );
}

/** `os.system(command)` through `GLOBAL`, as `pickle.dumps` writes a `__reduce__` returning it (protocol 2). */
export const osSystemViaGlobal = (command = 'id') =>
  pickle(
    P.PROTO(2),
    P.GLOBAL('os', 'system'),
    P.BINPUT(0),
    P.BINUNICODE(command),
    P.BINPUT(1),
    P.TUPLE1,
    P.BINPUT(2),
    P.REDUCE,
    P.BINPUT(3),
    P.STOP,
  );

/**
 * `os.system` through `STACK_GLOBAL` whose strings come back from the memo (BINPUT, then BINGET after the
 * originals were popped): a scanner that only looks at the two preceding opcodes misses it.
 */
export const osSystemViaStackGlobalBinput = (command = 'id') =>
  pickle(
    P.PROTO(4),
    P.SHORT_BINUNICODE('os'),
    P.BINPUT(0),
    P.SHORT_BINUNICODE('system'),
    P.BINPUT(1),
    P.POP,
    P.POP,
    P.BINGET(0),
    P.BINGET(1),
    P.STACK_GLOBAL,
    P.SHORT_BINUNICODE(command),
    P.TUPLE1,
    P.REDUCE,
    P.STOP,
  );

/** The same with protocol 4's MEMOIZE and a frame, as CPython ≥ 3.8 writes by default. */
export const osSystemViaStackGlobalMemoize = (command = 'id') =>
  framed(
    4,
    P.SHORT_BINUNICODE('os'),
    P.MEMOIZE,
    P.SHORT_BINUNICODE('system'),
    P.MEMOIZE,
    P.POP,
    P.POP,
    P.BINGET(0),
    P.BINGET(1),
    P.STACK_GLOBAL,
    P.MEMOIZE,
    P.SHORT_BINUNICODE(command),
    P.MEMOIZE,
    P.TUPLE1,
    P.MEMOIZE,
    P.REDUCE,
    P.MEMOIZE,
    P.STOP,
  );

export const posixSystem = () => pickle(P.PROTO(2), P.GLOBAL('posix', 'system'), P.BINUNICODE('id'), P.TUPLE1, P.REDUCE, P.STOP);

/** Protocol 0, no PROTO opcode: `builtins.exec('…')`. */
export const builtinsExecProtocol0 = () =>
  pickle(P.GLOBAL('builtins', 'exec'), P.PUT(0), P.MARK, P.STRING("'import os'"), P.PUT(1), P.TUPLE, P.PUT(2), P.REDUCE, P.PUT(3), P.STOP);

/** Protocol 0 `INST`: instantiating "class" `os.system` with the arguments after MARK calls it. */
export const instOsSystem = () => pickle(P.MARK, P.STRING("'echo hi'"), P.INST('os', 'system'), P.PUT(0), P.STOP);

export const functoolsPartial = () =>
  pickle(P.PROTO(2), P.GLOBAL('functools', 'partial'), P.GLOBAL('builtins', 'print'), P.TUPLE1, P.REDUCE, P.EMPTY_TUPLE, P.REDUCE, P.STOP);

/** `BINGET 5` with nothing ever memoized. */
export const undefinedMemo = () => pickle(P.PROTO(2), P.BINGET(5), P.STOP);

/** `builtins.open(path, 'w')`: creates `path` when unpickled. */
export const openForWriting = (path: string) =>
  pickle(P.PROTO(2), P.GLOBAL('builtins', 'open'), P.BINUNICODE(path), P.BINUNICODE('w'), P.TUPLE2, P.REDUCE, P.STOP);

/** `os.system(command)` in protocol 4 with STACK_GLOBAL: what the T1 zip test puts in `archive/data.pkl`. */
export const osSystemPickle = osSystemViaStackGlobalMemoize;

/**
 * A file as `torch.save(..., _use_new_zipfile_serialization=False, pickle_protocol=protocol)` writes it: the
 * magic number, protocol version and sys_info pickles, the object pickle, the storage keys pickle, then each
 * storage's raw bytes (an 8-byte element count and the data, here bytes that are no pickle opcode). Protocols 0
 * and 1 write the magic number as `L…L` text, not LONG1.
 */
export function legacyTorchFile(objectPickle: Buffer, protocol: 0 | 1 | 2 | 4 = 2): Buffer {
  const count = Buffer.alloc(8);
  count.writeBigInt64LE(4n);
  const storages = Buffer.concat([count, Buffer.alloc(16, 0xff)]);
  if (protocol === 0 || protocol === 1) {
    return Buffer.concat([...legacyHeaderPickles(protocol), objectPickle, legacyStorageKeys(protocol), storages]);
  }
  const magic = Buffer.from('8a0a6cfc9c46f9206aa850192e', 'hex');
  const magicPickle = protocol === 2 ? Buffer.concat([P.PROTO(2), magic]) : framed(4, magic);
  const sysInfo = pickle(
    P.PROTO(2),
    P.EMPTY_DICT,
    P.BINPUT(0),
    P.MARK,
    P.BINUNICODE('protocol_version'),
    P.BINPUT(1),
    P.BININT2(1001),
    P.BINUNICODE('little_endian'),
    P.BINPUT(2),
    P.NEWTRUE,
    P.BINUNICODE('type_sizes'),
    P.BINPUT(3),
    P.EMPTY_DICT,
    P.BINPUT(4),
    P.MARK,
    P.BINUNICODE('short'),
    P.BINPUT(5),
    P.BININT1(2),
    P.BINUNICODE('int'),
    P.BINPUT(6),
    P.BININT1(4),
    P.BINUNICODE('long'),
    P.BINPUT(7),
    P.BININT1(4),
    P.SETITEMS,
    P.SETITEMS,
    P.STOP,
  );
  const storageKeys = pickle(P.PROTO(2), P.EMPTY_LIST, P.BINPUT(0), P.BINUNICODE('0'), P.BINPUT(1), P.APPEND, P.STOP);
  return Buffer.concat([magicPickle, pickle(P.PROTO(2), P.BININT2(1001), P.STOP), sysInfo, objectPickle, storageKeys, storages]);
}

/** `pickle.dumps(MAGIC_NUMBER)`, `pickle.dumps(1001)` and `pickle.dumps(sys_info)` in protocol 0 or 1. */
export function legacyHeaderPickles(protocol: 0 | 1): Buffer[] {
  const magic = pickle(P.LONG(0x1950a86a20f9469cfc6cn), P.STOP);
  if (protocol === 0) {
    const sysInfo = pickle(
      P.MARK,
      P.DICT,
      P.PUT(0),
      P.UNICODE('protocol_version'),
      P.PUT(1),
      P.INT(1001),
      P.SETITEM,
      P.UNICODE('little_endian'),
      P.PUT(2),
      Buffer.from('I01\n'),
      P.SETITEM,
      P.UNICODE('type_sizes'),
      P.PUT(3),
      P.MARK,
      P.DICT,
      P.PUT(4),
      P.UNICODE('short'),
      P.PUT(5),
      P.INT(2),
      P.SETITEM,
      P.SETITEM,
      P.STOP,
    );
    return [magic, pickle(P.INT(1001), P.STOP), sysInfo];
  }
  const sysInfo = pickle(
    P.EMPTY_DICT,
    P.BINPUT(0),
    P.MARK,
    P.BINUNICODE('protocol_version'),
    P.BINPUT(1),
    P.BININT2(1001),
    P.BINUNICODE('little_endian'),
    P.BINPUT(2),
    Buffer.from('I01\n'),
    P.BINUNICODE('type_sizes'),
    P.BINPUT(3),
    P.EMPTY_DICT,
    P.BINPUT(4),
    P.BINUNICODE('short'),
    P.BINPUT(5),
    P.BININT1(2),
    P.SETITEM,
    P.SETITEMS,
    P.STOP,
  );
  return [magic, pickle(P.BININT2(1001), P.STOP), sysInfo];
}

/** `pickle.dumps(['0'])` in protocol 0 or 1. */
const legacyStorageKeys = (protocol: 0 | 1) =>
  protocol === 0
    ? pickle(P.MARK, P.LIST, P.PUT(0), P.UNICODE('0'), P.PUT(1), P.APPEND, P.STOP)
    : pickle(P.EMPTY_LIST, P.BINPUT(0), P.BINUNICODE('0'), P.BINPUT(1), P.APPEND, P.STOP);

/** A protocol 1 `os.system`-style call, as `pickle.dumps(obj, protocol=1)` writes a `__reduce__` returning it. */
export const protocol1Call = (module: string, name: string, argument = 'id') =>
  pickle(
    P.GLOBAL(module, name),
    P.BINPUT(0),
    P.MARK,
    P.BINUNICODE(argument),
    P.BINPUT(1),
    P.TUPLE,
    P.BINPUT(2),
    P.REDUCE,
    P.BINPUT(3),
    P.STOP,
  );
