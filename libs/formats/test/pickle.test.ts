import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { classifyGlobal } from '../src/pickle-globals.js';
import { type PickleLimits, type PickleScan, scanPickle } from '../src/pickle.js';
import { framed, P, pickle } from './pickle-bytes.js';
import {
  builtinsExecProtocol0,
  functoolsPartial,
  instOsSystem,
  osSystemViaGlobal,
  osSystemViaStackGlobalBinput,
  osSystemViaStackGlobalMemoize,
  posixSystem,
  stateDictPickle,
  undefinedMemo,
} from './torch-pickles.js';

const scan = (bytes: Buffer, limits?: Partial<PickleLimits>) => scanPickle(bufferSource(bytes), { name: 'test.pkl', limits });
const codes = (result: PickleScan, severity: string) => result.findings.filter((f) => f.severity === severity).map((f) => f.code);
const globalsOf = (result: PickleScan) => result.globals.map((g) => `${g.module}.${g.name}`);

describe('scanPickle on clean pickles', () => {
  it.each([2, 4] as const)('passes a torch state_dict pickle of protocol %i', async (protocol) => {
    const bytes = stateDictPickle(protocol);
    const result = await scan(bytes);
    expect(result.findings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.end).toBe(bytes.length);
    expect(result.protocol).toBe(protocol);
    expect(globalsOf(result)).toEqual(['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage']);
    expect(result.globals[0]!.opcode).toBe(protocol === 2 ? 'GLOBAL' : 'STACK_GLOBAL');
  });

  it('counts opcodes and reports protocol 0 when there is no PROTO', async () => {
    const result = await scan(
      pickle(P.MARK, P.INT(1), P.LONG(12345678901234567890n), P.FLOAT(1.5), P.STRING("'a b'"), P.UNICODE('x'), P.LIST, P.STOP),
    );
    expect(result).toMatchObject({ protocol: 0, opcodeCount: 8, globals: [], findings: [] });
  });

  it('walks every protocol 5 opcode and skips byte payloads without reading them', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0xff); // 0xff is no opcode: reading it as opcodes would fail
    const bytes = pickle(
      P.PROTO(5),
      P.MARK,
      P.BINBYTES8_HEADER(big.length),
      big,
      P.BYTEARRAY8(Buffer.from('abc')),
      P.NEXT_BUFFER,
      P.READONLY_BUFFER,
      P.BINBYTES(Buffer.alloc(300, 0xff)),
      P.SHORT_BINBYTES(Buffer.from([0xff])),
      P.BINUNICODE8('long'),
      P.BINSTRING('x'.repeat(400)),
      P.SHORT_BINSTRING('s'),
      P.LONG1(Buffer.from([1, 2])),
      P.LONG4(Buffer.alloc(5)),
      P.BININT(-5),
      P.BININT2(512),
      P.BINFLOAT(2.5),
      P.NONE,
      P.NEWTRUE,
      P.EMPTY_SET,
      P.MARK,
      P.BININT1(1),
      P.ADDITEMS,
      P.MARK,
      P.FROZENSET,
      P.TUPLE,
      P.LONG_BINPUT(70000),
      P.LONG_BINGET(70000),
      P.DUP,
      P.POP,
      P.TUPLE2,
      P.STOP,
    );
    const source = countingSource(bufferSource(bytes));
    const result = await scanPickle(source, { name: 'p5' });
    expect(result.findings).toEqual([]);
    expect(result.protocol).toBe(5);
    expect(result.end).toBe(bytes.length);
    expect(source.bytesRead).toBeLessThan(300 * 1024);
  });
});

describe('scanPickle on malicious pickles', () => {
  it.each([
    ['os.system via GLOBAL', osSystemViaGlobal(), 'os.system'],
    ['os.system via STACK_GLOBAL with BINPUT/BINGET memo strings', osSystemViaStackGlobalBinput(), 'os.system'],
    ['os.system via STACK_GLOBAL with MEMOIZE in a frame', osSystemViaStackGlobalMemoize(), 'os.system'],
    ['posix.system', posixSystem(), 'posix.system'],
    ['builtins.exec in protocol 0', builtinsExecProtocol0(), 'builtins.exec'],
    ['os.system through INST', instOsSystem(), 'os.system'],
    ['functools.partial', functoolsPartial(), 'functools.partial'],
  ])('flags %s as critical', async (_, bytes, global) => {
    const result = await scan(bytes);
    const dangerous = result.findings.filter((f) => f.code === 'pickle_dangerous_global');
    expect(dangerous.map((f) => `${String(f.evidence?.module)}.${String(f.evidence?.name)}`)).toContain(global);
    expect(dangerous.every((f) => f.severity === 'critical')).toBe(true);
    expect(globalsOf(result)).toContain(global);
    expect(result.complete).toBe(true);
  });

  it('reports the protocol of a protocol 0 attack as 0', async () => {
    expect((await scan(builtinsExecProtocol0())).protocol).toBe(0);
  });

  it('flags a BINGET of a memo slot never written', async () => {
    const result = await scan(undefinedMemo());
    expect(codes(result, 'critical')).toEqual(['pickle_undefined_memo']);
  });

  it('flags a STACK_GLOBAL whose strings cannot be known', async () => {
    // The module name is computed by a call: only running the pickle would tell what it is.
    const computed = pickle(
      P.PROTO(4),
      P.GLOBAL('builtins', 'str'),
      P.SHORT_BINUNICODE('o'),
      P.TUPLE1,
      P.REDUCE,
      P.SHORT_BINUNICODE('system'),
      P.STACK_GLOBAL,
      P.STOP,
    );
    expect(codes(await scan(computed), 'critical')).toEqual(['pickle_unresolved_global']);
    const fromUndefinedMemo = pickle(P.PROTO(4), P.BINGET(0), P.SHORT_BINUNICODE('system'), P.STACK_GLOBAL, P.STOP);
    expect(codes(await scan(fromUndefinedMemo), 'critical').sort()).toEqual(['pickle_undefined_memo', 'pickle_unresolved_global']);
  });

  it('resolves protocol 0 escapes and Python 2 names the way the unpickler does', async () => {
    const escaped = pickle(P.STRING("'o\\x73'"), P.UNICODE('sys\\u0074em'), P.PROTO(4), P.STACK_GLOBAL, P.STOP);
    expect(globalsOf(await scan(escaped))).toEqual(['os.system']);
    expect(codes(await scan(escaped), 'critical')).toEqual(['pickle_dangerous_global']);
    const python2 = pickle(P.GLOBAL('__builtin__', 'eval'), P.STOP);
    expect(codes(await scan(python2), 'critical')).toEqual(['pickle_dangerous_global']);
  });

  it('follows dotted names to where they lead', async () => {
    // find_class walks attributes from protocol 4 on: torch has `os` as an attribute.
    const dotted = pickle(P.PROTO(4), P.SHORT_BINUNICODE('torch'), P.SHORT_BINUNICODE('os.system'), P.STACK_GLOBAL, P.STOP);
    expect(codes(await scan(dotted), 'critical')).toEqual(['pickle_dangerous_global']);
    const dunder = pickle(P.GLOBAL('torch._utils', '_rebuild_tensor.__globals__'), P.STOP);
    expect(codes(await scan(dunder), 'critical')).toEqual(['pickle_dangerous_global']);
  });

  it('treats an unknown import as a warning, never as clean', async () => {
    const result = await scan(pickle(P.PROTO(2), P.GLOBAL('argparse', 'Namespace'), P.EMPTY_TUPLE, P.REDUCE, P.STOP));
    expect(codes(result, 'critical')).toEqual([]);
    expect(codes(result, 'warning')).toEqual(['pickle_unknown_global']);
  });

  it('flags imports through the copyreg extension registry', async () => {
    expect(codes(await scan(pickle(P.PROTO(2), P.EXT1(1), P.STOP)), 'critical')).toEqual(['pickle_extension_code']);
  });

  it('keeps what it found before damage', async () => {
    const truncated = osSystemViaGlobal().subarray(0, 20);
    const result = await scan(truncated);
    expect(codes(result, 'critical').sort()).toEqual(['pickle_dangerous_global', 'pickle_truncated']);
    expect(result.complete).toBe(false);
    const invalid = pickle(P.GLOBAL('os', 'system'), Buffer.from([0xff]));
    expect(codes(await scan(invalid), 'critical').sort()).toEqual(['pickle_dangerous_global', 'pickle_malformed']);
    // INST imports before it finds its MARK missing.
    const instWithoutMark = pickle(P.INST('os', 'system'), P.STOP);
    expect(codes(await scan(instWithoutMark), 'critical').sort()).toEqual(['pickle_dangerous_global', 'pickle_malformed']);
  });
});

describe('scanPickle limits and damage', () => {
  it('fails closed when the opcode limit is hit', async () => {
    const result = await scan(stateDictPickle(2), { maxOpcodes: 10 });
    expect(codes(result, 'critical')).toEqual(['pickle_limit_exceeded']);
    expect(result.opcodeCount).toBe(11);
  });

  it('fails closed when the memo or the stack grows past its limit', async () => {
    const memo = pickle(P.PROTO(4), P.NONE, ...Array.from({ length: 20 }, () => P.MEMOIZE), P.STOP);
    expect(codes(await scan(memo, { maxMemoEntries: 10 }), 'critical')).toEqual(['pickle_limit_exceeded']);
    const deep = pickle(P.PROTO(2), ...Array.from({ length: 50 }, () => P.MARK), P.STOP);
    expect(codes(await scan(deep, { maxStackDepth: 40 }), 'critical')).toEqual(['pickle_limit_exceeded']);
  });

  it('fails closed when a pickle imports too many distinct globals', async () => {
    const many = pickle(...Array.from({ length: 5 }, (_, i) => P.GLOBAL('collections', `C${i}`)), P.STOP);
    const result = await scan(many, { maxGlobals: 3 });
    expect(codes(result, 'critical')).toEqual(['pickle_limit_exceeded']);
    expect(result.globals).toHaveLength(3);
  });

  it('rejects a byte count past the end of the file without allocating it', async () => {
    const result = await scan(pickle(P.PROTO(4), P.BINBYTES8_HEADER(2n ** 60n), Buffer.alloc(10), P.STOP));
    expect(codes(result, 'critical')).toEqual(['pickle_truncated']);
  });

  it.each([
    ['stack underflow', pickle(P.PROTO(2), P.REDUCE, P.STOP)],
    ['a missing MARK', pickle(P.PROTO(2), P.TUPLE, P.STOP)],
    ['protocol 6', pickle(P.PROTO(6), P.NONE, P.STOP)],
    ['a negative BINSTRING length', pickle(Buffer.from('T'), Buffer.from([0xff, 0xff, 0xff, 0xff]), P.STOP)],
    ['a non-numeric GET', Buffer.from('g-1\n.')],
  ])('reports %s as malformed', async (_, bytes) => {
    expect(codes(await scan(bytes), 'critical')).toEqual(['pickle_malformed']);
  });

  it('reports a pickle that ends before STOP as truncated', async () => {
    expect(codes(await scan(stateDictPickle(4).subarray(0, 100)), 'critical')).toEqual(['pickle_truncated']);
    expect(codes(await scan(Buffer.alloc(0)), 'critical')).toEqual(['pickle_truncated']);
  });

  it('starts where it is told and stops at STOP', async () => {
    const first = stateDictPickle(2);
    const bytes = Buffer.concat([first, osSystemViaGlobal(), Buffer.from([0xff])]);
    const result = await scanPickle(bufferSource(bytes), { name: 'second', start: first.length });
    expect(globalsOf(result)).toEqual(['os.system']);
    expect(result.end).toBe(bytes.length - 1);
    expect(result.findings[0]!.evidence).toMatchObject({ pickle: 'second', offset: first.length + 2 });
  });

  it('tells whether the bytes start with PROTO and where the last call was', async () => {
    const protocol2 = await scan(osSystemViaGlobal());
    expect(protocol2).toMatchObject({ startsWithProto: true, lastCallOffset: osSystemViaGlobal().indexOf('R') });
    const protocol0 = await scan(instOsSystem());
    expect(protocol0).toMatchObject({ startsWithProto: false, lastCallOffset: instOsSystem().indexOf('ios\n') });
    expect((await scan(pickle(P.NONE, P.STOP))).lastCallOffset).toBeUndefined();
  });

  it('frames protocol 4 pickles the way CPython does', async () => {
    const bytes = framed(4, P.EMPTY_DICT, P.STOP);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0x80, 0x04, 0x95]));
    expect(await scan(bytes)).toMatchObject({ protocol: 4, opcodeCount: 4, findings: [] });
  });
});

describe('classifyGlobal', () => {
  it.each([
    ['collections', 'OrderedDict', 'allowed'],
    ['torch._utils', '_rebuild_parameter', 'allowed'],
    ['torch', 'BFloat16Storage', 'allowed'],
    ['torch', 'bfloat16', 'allowed'],
    ['numpy.core.multiarray', '_reconstruct', 'allowed'],
    ['numpy', 'dtype', 'allowed'],
    ['_codecs', 'encode', 'allowed'],
    ['torch', 'Size', 'allowed'],
    ['nt', 'system', 'dangerous'],
    ['subprocess', 'Popen', 'dangerous'],
    ['os.path', 'join', 'dangerous'],
    ['runpy', '_run_code', 'dangerous'],
    ['socket', 'create_connection', 'dangerous'],
    ['shutil', 'rmtree', 'dangerous'],
    ['webbrowser', 'open', 'dangerous'],
    ['pickle', 'loads', 'dangerous'],
    ['builtins', 'getattr', 'dangerous'],
    ['builtins', '__import__', 'dangerous'],
    ['builtins', 'compile', 'dangerous'],
    ['__builtin__', 'apply', 'dangerous'],
    ['operator', 'attrgetter', 'dangerous'],
    ['types', 'CodeType', 'dangerous'],
    ['io', 'FileIO', 'dangerous'],
    ['urllib.request', 'urlopen', 'dangerous'],
    ['logging', 'FileHandler', 'dangerous'],
    ['torch.storage', '_load_from_bytes', 'dangerous'],
    ['torch', 'load', 'dangerous'],
    ['commands', 'getoutput', 'dangerous'],
    ['torch._utils', '_rebuild_tensor.__globals__', 'dangerous'],
    ['builtins', '__dict__', 'dangerous'],
    ['operator', 'itemgetter', 'dangerous'],
    // Runs commands or code strings.
    ['uuid', '_get_command_stdout', 'dangerous'],
    ['torch.utils.collect_env', 'run', 'dangerous'],
    ['torch.utils.collect_env', 'get_pretty_env_info', 'dangerous'],
    ['timeit', 'timeit', 'dangerous'],
    ['cProfile', 'run', 'dangerous'],
    ['profile', 'runctx', 'dangerous'],
    ['trace', 'Trace', 'dangerous'],
    ['pdb', 'run', 'dangerous'],
    ['bdb', 'Bdb', 'dangerous'],
    ['doctest', 'debug_script', 'dangerous'],
    ['pydoc', 'pipepager', 'dangerous'],
    ['pydoc', 'locate', 'dangerous'],
    ['code', 'InteractiveInterpreter', 'dangerous'],
    ['pty', 'spawn', 'dangerous'],
    ['asyncio.subprocess', 'create_subprocess_shell', 'dangerous'],
    ['multiprocessing.util', 'spawnv_passfds', 'dangerous'],
    ['venv', 'create', 'dangerous'],
    ['distutils.spawn', 'spawn', 'dangerous'],
    ['setuptools._distutils.spawn', 'spawn', 'dangerous'],
    ['imaplib', 'IMAP4_stream', 'dangerous'],
    ['_pyrepl.pager', 'pipe_pager', 'dangerous'],
    ['idlelib.run', 'Executive', 'dangerous'],
    ['lib2to3.pgen2.pgen', 'ParserGenerator', 'dangerous'],
    ['test.support.script_helper', 'assert_python_ok', 'dangerous'],
    ['numpy.testing._private.utils', 'runstring', 'dangerous'],
    ['torch._dynamo.guards', 'GuardBuilder.get', 'dangerous'],
    ['torch.fx.experimental.symbolic_shapes', 'ShapeEnv.evaluate_guards_expression', 'dangerous'],
    ['torch.fx.graph_module', 'reduce_graph_module', 'dangerous'],
    ['torch.jit.unsupported_tensor_ops', 'execWrapper', 'dangerous'],
    ['builtins', 'breakpoint', 'dangerous'],
    ['builtins', 'input', 'dangerous'],
    // Loads code or another pickle.
    ['torch.jit', 'load', 'dangerous'],
    ['torch.jit._serialization', 'load', 'dangerous'],
    ['torch', 'jit.load', 'dangerous'],
    ['torch.serialization', '_load', 'dangerous'],
    ['torch.hub', 'load', 'dangerous'],
    ['torch.hub', 'load_state_dict_from_url', 'dangerous'],
    ['torch.utils._config_module', 'ConfigModule.load_config', 'dangerous'],
    ['torch.utils.data.datapipes.utils.decoder', 'basichandlers', 'dangerous'],
    ['numpy', 'load', 'dangerous'],
    ['numpy', 'fromfile', 'dangerous'],
    ['numpy', 'save', 'dangerous'],
    ['numpy', 'lib.npyio.load', 'dangerous'],
    ['numpy.lib.npyio', 'load', 'dangerous'],
    ['numpy.lib._npyio_impl', 'load', 'dangerous'],
    ['numpy.lib.format', 'read_array', 'dangerous'],
    ['numpy.ctypeslib', 'load_library', 'dangerous'],
    ['numpy.core.records', 'fromfile', 'dangerous'],
    ['_pickle', 'loads', 'dangerous'],
    ['cPickle', 'loads', 'dangerous'],
    ['dill', 'loads', 'dangerous'],
    ['cloudpickle.cloudpickle', 'subimport', 'dangerous'],
    ['joblib', 'load', 'dangerous'],
    ['shelve', 'open', 'dangerous'],
    ['marshal', 'loads', 'dangerous'],
    ['ctypes', 'CDLL', 'dangerous'],
    ['importlib', 'import_module', 'dangerous'],
    ['pkgutil', 'resolve_name', 'dangerous'],
    ['yaml', 'unsafe_load', 'dangerous'],
    ['_operator', 'attrgetter', 'dangerous'],
    ['ssl', 'get_server_certificate', 'dangerous'],
    // Attribute chains through a module imported under its own name, or to a loader.
    ['torch', 'serialization.pickle.loads', 'dangerous'],
    ['mymodel', 'np.load', 'dangerous'],
    ['mymodel', 'Path.write_text', 'dangerous'],
    // Plain values of those modules, and look-alikes, stay unknown.
    ['uuid', 'UUID', 'unknown'],
    ['joblib.numpy_pickle', 'NumpyArrayWrapper', 'unknown'],
    ['torch.jit', 'ScriptModule', 'unknown'],
    ['torch.fx.graph_module', 'GraphModule', 'unknown'],
    ['testing', 'Net', 'unknown'],
    ['numpy.lib.stride_tricks', 'as_strided', 'unknown'],
    ['yaml', 'YAMLObject', 'unknown'],
    ['__main__', 'Net', 'unknown'],
    ['torch.nn.modules.linear', 'Linear', 'unknown'],
    ['builtins', 'print', 'unknown'],
    ['torch._utils', '_rebuild_tensor.x', 'unknown'],
    ['ostrich', 'system', 'unknown'],
  ])('%s.%s is %s', (module, name, verdict) => {
    expect(classifyGlobal(module, name)).toBe(verdict);
  });
});
