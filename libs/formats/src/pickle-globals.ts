/**
 * Which imports a pickle may make. A global is a callable the unpickler imports (`GLOBAL`, `INST`,
 * `STACK_GLOBAL`) and later calls (`REDUCE`, `BUILD`, `NEWOBJ`…): the allowlist holds what a PyTorch or NumPy
 * checkpoint needs, the denylist what runs commands, touches files or the network, loads more code, or calls
 * an attribute chosen by the file. Everything else is unknown, never clean.
 */
export type GlobalVerdict = 'allowed' | 'dangerous' | 'unknown';

/** Modules whose every attribute is dangerous, with their submodules. */
const DANGEROUS_MODULES = new Set([
  '_aix_support',
  '_ctypes',
  '_io',
  '_osx_support',
  '_pickle',
  '_posixsubprocess',
  '_socket',
  '_thread',
  'aiohttp',
  'asyncio',
  'bdb',
  'bz2',
  'cProfile',
  'code',
  'codeop',
  'ctypes',
  'dill',
  'cloudpickle',
  'distutils',
  'doctest',
  'ensurepip',
  'ftplib',
  'gzip',
  'http',
  'httpx',
  'imp',
  'importlib',
  'logging.config',
  'logging.handlers',
  'lzma',
  'marshal',
  'multiprocessing',
  'nt',
  'numpy.distutils',
  'numpy.f2py',
  'os',
  'pdb',
  'pickle',
  'pip',
  'pkg_resources',
  'platform',
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
  'subprocess',
  'sys',
  'tarfile',
  'telnetlib',
  'timeit',
  'torch._inductor.codecache',
  'torch.hub',
  'torch.package',
  'torch.utils.cpp_extension',
  'urllib.request',
  'venv',
  'webbrowser',
  'xmlrpc',
  'zipfile',
  'zipimport',
]);

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

/** Single dangerous names in otherwise harmless modules. */
const DANGEROUS_NAMES = new Map<string, Set<string>>([
  ['builtins', new Set(BUILTINS_DENIED)],
  ['codecs', new Set(['open'])],
  ['fileinput', new Set(['input', 'FileInput'])],
  ['functools', new Set(['partial', 'partialmethod'])],
  ['io', new Set(['FileIO', 'open', 'open_code'])],
  ['logging', new Set(['FileHandler'])],
  ['numpy', new Set(['load', 'fromfile', 'loadtxt', 'genfromtxt'])],
  ['numpy.testing._private.utils', new Set(['runstring'])],
  // itemgetter('eval') applied to a module's __dict__ is getattr by another name.
  ['operator', new Set(['attrgetter', 'itemgetter', 'methodcaller'])],
  ['torch', new Set(['load'])],
  ['torch.classes', new Set(['load_library'])],
  ['torch.ops', new Set(['load_library'])],
  ['torch.serialization', new Set(['load'])],
  ['torch.storage', new Set(['_load_from_bytes'])],
  ['types', new Set(['CodeType', 'FunctionType', 'LambdaType', 'MethodType'])],
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
 * `torch` + `os.system` is `os.system`), mean the chain leads somewhere dangerous.
 */
const DANGEROUS_SEGMENTS = new Set([
  ...BUILTINS_DENIED,
  'builtins',
  'import_module',
  'nt',
  'os',
  'popen',
  'posix',
  'spawn',
  'subprocess',
  'sys',
  'system',
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
  if (prefixes(module).some((prefix) => DANGEROUS_MODULES.has(prefix))) return true;
  const segments = name.split('.');
  if (DANGEROUS_NAMES.get(module)?.has(segments[0] ?? '')) return true;
  // `__dict__`, `__builtins__`, `__globals__`…: a way to any other name, the denied ones included.
  if (segments.some((segment) => DUNDER.test(segment))) return true;
  if (segments.length === 1) return false;
  // A dotted name is an attribute chain: judge where it can lead, not where it starts.
  const path = `${module}.${name}`;
  if (prefixes(path).some((prefix) => DANGEROUS_MODULES.has(prefix))) return true;
  return segments.some((segment) => DANGEROUS_SEGMENTS.has(segment));
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

/** `a.b.c` → `a`, `a.b`, `a.b.c`. */
function prefixes(dotted: string): string[] {
  const parts = dotted.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}
