/**
 * Which imports a pickle may make. A global is a callable the unpickler imports (`GLOBAL`, `INST`,
 * `STACK_GLOBAL`) and later calls (`REDUCE`, `BUILD`, `NEWOBJ`…): the allowlist holds what a PyTorch or NumPy
 * checkpoint needs, the denylist what runs commands, touches files or the network, loads more code, or calls
 * an attribute chosen by the file. Everything else is unknown, never clean.
 */
export type GlobalVerdict = 'allowed' | 'dangerous' | 'unknown';

/**
 * Modules whose every attribute is dangerous, with their submodules: they run commands or code strings
 * (`timeit`, `cProfile`, `trace`, `pydoc.pipepager`, `uuid._get_command_stdout`, `torch.utils.collect_env.run`),
 * load code or other pickles (`importlib`, `pkgutil.resolve_name`, `torch.jit` loaders, `numpy.lib.npyio`),
 * or reach files and the network. Aligned with picklescan's `_unsafe_globals`, whole modules where it names a few
 * functions of a module no checkpoint needs.
 */
const DANGEROUS_MODULES = new Set([
  '_aix_support',
  '_ctypes',
  '_io',
  '_osx_support',
  '_pickle',
  '_posixsubprocess',
  '_pyrepl',
  '_socket',
  '_thread',
  'aiohttp',
  'asyncio',
  'bdb',
  'bz2',
  'cProfile',
  'cloudpickle',
  'code',
  'codeop',
  'ctypes',
  'dill',
  'distutils',
  'doctest',
  'ensurepip',
  'ftplib',
  'gzip',
  'http',
  'httpx',
  'idlelib',
  'imaplib',
  'imp',
  'importlib',
  'lib2to3',
  'logging.config',
  'logging.handlers',
  'lzma',
  'marshal',
  'multiprocessing',
  'nntplib',
  'nt',
  'numpy._core.memmap',
  'numpy.core.memmap',
  'numpy.ctypeslib',
  'numpy.distutils',
  'numpy.f2py',
  'numpy.lib._datasource',
  'numpy.lib._npyio_impl',
  'numpy.lib.format',
  'numpy.lib.npyio',
  'numpy.testing',
  'os',
  'pdb',
  'pickle',
  'pip',
  'pkg_resources',
  'pkgutil',
  'platform',
  'poplib',
  'posix',
  'profile',
  'pty',
  'pydoc',
  'requests',
  'runpy',
  'setuptools',
  'shelve',
  'shutil',
  'site',
  'smtplib',
  'socket',
  'socketserver',
  'ssl',
  'subprocess',
  'sys',
  'tarfile',
  'telnetlib',
  'test',
  'timeit',
  'torch._dynamo.guards',
  'torch._inductor.codecache',
  'torch.distributed.rpc',
  'torch.hub',
  'torch.jit._serialization',
  'torch.jit.mobile',
  'torch.jit.unsupported_tensor_ops',
  'torch.package',
  'torch.utils._config_module',
  'torch.utils.bottleneck',
  'torch.utils.collect_env',
  'torch.utils.cpp_extension',
  'torch.utils.data.datapipes.utils.decoder',
  'trace',
  'urllib.request',
  'uuid',
  'venv',
  'webbrowser',
  'xmlrpc',
  'zipfile',
  'zipimport',
]);

/** Names of a dangerous module that are plain values a checkpoint may hold: unknown, not dangerous. */
const HARMLESS_IN_DANGEROUS_MODULES = new Map([['uuid', new Set(['SafeUUID', 'UUID'])]]);

const BUILTINS_DENIED = [
  '__import__',
  'apply',
  'breakpoint',
  'compile',
  'delattr',
  'eval',
  'exec',
  'execfile',
  'exit',
  'file',
  'getattr',
  'globals',
  'help',
  'input',
  'locals',
  'open',
  'quit',
  'reload',
  'setattr',
  'vars',
];

const OPERATOR_CALLERS = new Set(['attrgetter', 'itemgetter', 'methodcaller']);
const RECORDS_FROM_FILE = new Set(['fromfile']);
const NUMPY_FILE_ACCESS = ['DataSource', 'fromfile', 'fromregex', 'genfromtxt', 'load', 'loadtxt', 'memmap'];
const NUMPY_FILE_WRITES = ['save', 'savetxt', 'savez', 'savez_compressed'];

/** Single dangerous names in otherwise harmless modules. */
const DANGEROUS_NAMES = new Map<string, Set<string>>([
  ['builtins', new Set(BUILTINS_DENIED)],
  ['codecs', new Set(['open'])],
  ['fileinput', new Set(['input', 'FileInput'])],
  ['functools', new Set(['partial', 'partialmethod'])],
  ['io', new Set(['FileIO', 'open', 'open_code'])],
  ['joblib', new Set(['load'])],
  ['joblib.numpy_pickle', new Set(['load', 'load_compatibility'])],
  ['joblib.numpy_pickle_compat', new Set(['load_compatibility'])],
  ['logging', new Set(['FileHandler'])],
  ['numpy', new Set([...NUMPY_FILE_ACCESS, ...NUMPY_FILE_WRITES])],
  ['numpy._core.records', RECORDS_FROM_FILE],
  ['numpy.core.records', RECORDS_FROM_FILE],
  ['numpy.rec', RECORDS_FROM_FILE],
  // itemgetter('eval') applied to a module's __dict__ is getattr by another name.
  ['operator', OPERATOR_CALLERS],
  ['_operator', OPERATOR_CALLERS],
  ['torch', new Set(['load'])],
  ['torch.classes', new Set(['load_library'])],
  // Guard and shape expressions are Python source, evaluated.
  ['torch.fx.experimental.symbolic_shapes', new Set(['ShapeEnv'])],
  // A pickled GraphModule is Python source that these execute.
  [
    'torch.fx.graph_module',
    new Set(['_deserialize_graph_module', 'reduce_deploy_graph_module', 'reduce_graph_module', 'reduce_package_graph_module']),
  ],
  ['torch.jit', new Set(['load'])],
  ['torch.ops', new Set(['load_library'])],
  ['torch.serialization', new Set(['_legacy_load', '_load', 'load'])],
  ['torch.storage', new Set(['_load_from_bytes'])],
  ['types', new Set(['CodeType', 'FunctionType', 'LambdaType', 'MethodType'])],
  ['yaml', new Set(['full_load', 'full_load_all', 'load', 'load_all', 'unsafe_load', 'unsafe_load_all'])],
]);

/**
 * Python 2 names that `pickle`'s `fix_imports` maps to Python 3 modules (`_compat_pickle.IMPORT_MAPPING`),
 * for the names that matter here.
 */
const PYTHON2_MODULES = new Map([
  ['__builtin__', 'builtins'],
  ['exceptions', 'builtins'],
  ['copy_reg', 'copyreg'],
  ['cPickle', 'pickle'],
  ['commands', 'subprocess'],
  ['urllib2', 'urllib.request'],
  ['httplib', 'http.client'],
  ['thread', '_thread'],
  ['SocketServer', 'socketserver'],
]);

/**
 * Attribute names that, reached through a dotted name (`find_class` walks `a.b.c` from protocol 4 on, so
 * `torch` + `os.system` is `os.system`), mean the chain leads somewhere dangerous: loaders, runners and file
 * operations, whatever object they hang from.
 */
const DANGEROUS_SEGMENTS = new Set([
  ...BUILTINS_DENIED,
  'builtins',
  'call',
  'check_call',
  'check_output',
  'chmod',
  'exec_module',
  'fromfile',
  'getoutput',
  'getstatusoutput',
  'hardlink_to',
  'import_module',
  'load',
  'load_library',
  'load_module',
  'loads',
  'locate',
  'mkdir',
  'nt',
  'os',
  'popen',
  'Popen',
  'posix',
  'read_bytes',
  'read_text',
  'remove',
  'rename',
  'resolve_name',
  'rmdir',
  'rmtree',
  'run',
  'runcode',
  'runctx',
  'runsource',
  'spawn',
  'subprocess',
  'symlink_to',
  'sys',
  'system',
  'touch',
  'unlink',
  'write_bytes',
  'write_text',
]);

const ALLOWED = new Set([
  '_codecs.encode',
  'builtins.bool',
  'builtins.bytearray',
  'builtins.bytes',
  'builtins.complex',
  'builtins.dict',
  'builtins.float',
  'builtins.frozenset',
  'builtins.int',
  'builtins.list',
  'builtins.range',
  'builtins.set',
  'builtins.slice',
  'builtins.str',
  'builtins.tuple',
  'collections.Counter',
  'collections.OrderedDict',
  'collections.defaultdict',
  'collections.deque',
  'copyreg._reconstructor',
  'numpy._core.multiarray._reconstruct',
  'numpy._core.multiarray.scalar',
  'numpy._core.numeric._frombuffer',
  'numpy.core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy.core.numeric._frombuffer',
  'numpy.dtype',
  'numpy.ndarray',
  'torch.Size',
  'torch.Tensor',
  'torch._tensor._rebuild_from_type',
  'torch._tensor._rebuild_from_type_v2',
  'torch.device',
  'torch.nn.parameter.Parameter',
  'torch.serialization._get_layout',
]);

/** Dtypes, layouts, memory and quantization formats: plain values torch pickles by name. */
const TORCH_CONSTANTS = new Set([
  'bfloat16',
  'bool',
  'cdouble',
  'cfloat',
  'chalf',
  'channels_last',
  'channels_last_3d',
  'complex128',
  'complex32',
  'complex64',
  'contiguous_format',
  'double',
  'float',
  'float16',
  'float32',
  'float64',
  'float8_e4m3fn',
  'float8_e4m3fnuz',
  'float8_e5m2',
  'float8_e5m2fnuz',
  'float8_e8m0fnu',
  'half',
  'int',
  'int16',
  'int32',
  'int64',
  'int8',
  'long',
  'per_channel_affine',
  'per_channel_affine_float_qparams',
  'per_channel_symmetric',
  'per_tensor_affine',
  'per_tensor_symmetric',
  'preserve_format',
  'qint32',
  'qint8',
  'quint2x4',
  'quint4x2',
  'quint8',
  'short',
  'sparse_bsc',
  'sparse_bsr',
  'sparse_coo',
  'sparse_csc',
  'sparse_csr',
  'strided',
  'uint16',
  'uint32',
  'uint64',
  'uint8',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DUNDER = /^__\w+__$/;

export function classifyGlobal(module: string, name: string): GlobalVerdict {
  const modules = [module, PYTHON2_MODULES.get(module)].filter((m): m is string => m !== undefined);
  if (modules.some((m) => isDangerous(m, name))) return 'dangerous';
  if (modules.some((m) => isAllowed(m, name))) return 'allowed';
  return 'unknown';
}

function isDangerous(module: string, name: string): boolean {
  const segments = name.split('.');
  // `__dict__`, `__builtins__`, `__globals__`…: a way to any other name, the denied ones included.
  if (segments.some((segment) => DUNDER.test(segment))) return true;
  if (leadsToDanger([...module.split('.'), ...segments])) return true;
  if (segments.length === 1) return false;
  // A dotted name is an attribute chain: judge where it can lead, not where it starts. Any attribute on it may
  // be a module imported under its own name (`torch` + `serialization.pickle.loads`).
  return segments.some((segment, index) => DANGEROUS_SEGMENTS.has(segment) || leadsToDanger(segments.slice(index)));
}

/** `a.b.c` is dangerous when `a` or `a.b` is a dangerous module, or `b` a dangerous name of `a`… */
function leadsToDanger(parts: readonly string[]): boolean {
  for (let length = 1; length <= parts.length; length += 1) {
    const prefix = parts.slice(0, length).join('.');
    const next = parts[length];
    if (DANGEROUS_MODULES.has(prefix) && !(next !== undefined && HARMLESS_IN_DANGEROUS_MODULES.get(prefix)?.has(next))) return true;
    if (next !== undefined && DANGEROUS_NAMES.get(prefix)?.has(next)) return true;
  }
  return false;
}

function isAllowed(module: string, name: string): boolean {
  if (!IDENTIFIER.test(name)) return false;
  if (ALLOWED.has(`${module}.${name}`)) return true;
  if (module === 'torch._utils') return name.startsWith('_rebuild_');
  if (module === 'torch' || module === 'torch.cuda' || module === 'torch.storage') {
    if (name.endsWith('Storage')) return true;
  }
  if (module === 'torch') return TORCH_CONSTANTS.has(name);
  if (module === 'numpy.dtypes') return name.endsWith('DType');
  return false;
}
