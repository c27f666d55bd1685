/** What a version holds, as far as choosing the tools that can load it goes. */
export interface ModelContents {
  /** config.json's first architecture when it is a class the transformers libraries load (e.g. `BertForSequenceClassification`). */
  transformersArchitecture: string | undefined;
  /** Weights transformers (Python) loads: safetensors or PyTorch checkpoints at the top level. */
  hasPytorchWeights: boolean;
  /** The ONNX exports transformers.js loads, under `onnx/` (`onnx/model.onnx`, `onnx/model_quantized.onnx`…). */
  transformersJsOnnx: string[];
  /** Every ONNX graph, with the external-data files stored next to it. */
  onnx: { path: string; externalData: string[] }[];
  /** GGUF models, each with all of its shards in order (one path when it is not sharded). */
  gguf: string[][];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// Model classes follow `<Name>For<Task>`, `<Name>Model` or `<Name>LMHeadModel`; anything else (a custom
// class, a placeholder) is not something `AutoModel…` or `pipeline()` can build.
const TRANSFORMERS_CLASS = /^[A-Z][A-Za-z0-9]*(For[A-Z][A-Za-z0-9]*|Model)$/;

/** config.json's architecture from the scan's facts, when config.json also names a `model_type`. */
function transformersArchitectureOf(files: string[], facts: Json): string | undefined {
  if (!files.includes('config.json') || !isObject(facts.config)) return undefined;
  const { architecture, modelType } = facts.config;
  if (typeof architecture !== 'string' || typeof modelType !== 'string' || modelType === '') return undefined;
  return TRANSFORMERS_CLASS.test(architecture) ? architecture : undefined;
}

const isTopLevel = (path: string): boolean => !path.includes('/');
const directoryOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** `model.onnx` keeps large tensors in `model.onnx_data`, `model.onnx.data` or `model.data` next to it. */
function externalDataOf(onnxPath: string, files: string[]): string[] {
  const stem = onnxPath.replace(/\.onnx$/, '');
  const candidates = new Set([`${onnxPath}_data`, `${onnxPath}.data`, `${stem}.data`]);
  return files.filter(
    (path) => candidates.has(path) || (path.startsWith(`${onnxPath}_data_`) && directoryOf(path) === directoryOf(onnxPath)),
  );
}

const SHARD = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/;

/** GGUF files, shards of one model grouped (`x-00001-of-00003.gguf` …) and in order. */
function ggufModelsOf(files: string[]): string[][] {
  const models = new Map<string, string[]>();
  for (const path of files.filter((file) => file.endsWith('.gguf')).sort()) {
    const shard = SHARD.exec(path);
    const key = shard ? `${shard[1]}-of-${shard[3]}` : path;
    models.set(key, [...(models.get(key) ?? []), path]);
  }
  return [...models.values()];
}

export function modelContents(files: string[], facts: Json): ModelContents {
  const onnxPaths = files.filter((path) => path.endsWith('.onnx'));
  return {
    transformersArchitecture: transformersArchitectureOf(files, facts),
    hasPytorchWeights: files.some((path) => isTopLevel(path) && (/\.safetensors$/.test(path) || /^pytorch_model.*\.bin$/.test(path))),
    transformersJsOnnx: onnxPaths.filter((path) => path.startsWith('onnx/')),
    onnx: onnxPaths.map((path) => ({ path, externalData: externalDataOf(path, files) })),
    gguf: ggufModelsOf(files),
  };
}
