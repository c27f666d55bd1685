/** One ONNX graph input or output. */
export interface TensorSpec {
  name: string;
  type: string;
  shape: string;
}

/** Which accelerator memory sizes the weights fit, by the scanner's rule of thumb. */
export interface HardwareFit {
  estimatedBytes: number;
  rule: string | undefined;
  fits: { memoryGb: number; fits: boolean }[];
}

/** The facts the model page shows, read from a version's free-form `facts`. */
export interface VersionFacts {
  parameters?: number;
  dtypes: string[];
  architecture?: string;
  modelType?: string;
  contextLength?: number;
  layers?: number;
  hiddenSize?: number;
  vocabSize?: number;
  quantization?: string;
  onnx?: { opset?: number; inputs: TensorSpec[]; outputs: TensorSpec[] };
  hardwareFit?: HardwareFit;
  hubRepo?: string;
  baseModel?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberAt = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const textAt = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The first of these keys that holds a value, looked up in the facts and then in their `config`. */
function pick<T>(facts: Json, read: (value: unknown) => T | undefined, ...keys: string[]): T | undefined {
  const config = isObject(facts.config) ? facts.config : {};
  for (const source of [facts, config]) {
    for (const key of keys) {
      const value = read(source[key]);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function tensorSpecs(value: unknown): TensorSpec[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((tensor) => ({
    name: textAt(tensor.name) ?? '?',
    type: textAt(tensor.type) ?? textAt(tensor.dtype) ?? textAt(tensor.elementType) ?? '?',
    shape: Array.isArray(tensor.shape)
      ? `[${tensor.shape.map((dim) => (dim === null || dim === '' ? '?' : String(dim))).join(', ')}]`
      : '?',
  }));
}

function dtypesOf(facts: Json): string[] {
  if (Array.isArray(facts.dtypes)) return facts.dtypes.filter((dtype): dtype is string => typeof dtype === 'string');
  if (isObject(facts.parametersByDtype)) return Object.keys(facts.parametersByDtype);
  const configDtype = pick(facts, textAt, 'dtype', 'torchDtype');
  return configDtype ? [configDtype] : [];
}

/** The default-domain opset: stated as `opset`, or within the model's `opsets` list. */
function opsetOf(onnx: Json): number | undefined {
  const stated = numberAt(onnx.opset);
  if (stated !== undefined || !Array.isArray(onnx.opsets)) return stated;
  const standard = onnx.opsets.filter(isObject).find((entry) => entry.domain === '' || entry.domain === 'ai.onnx');
  return numberAt(standard?.version);
}

function onnxOf(facts: Json): VersionFacts['onnx'] {
  const onnx = isObject(facts.onnx) ? facts.onnx : undefined;
  if (!onnx) return undefined;
  const opset = opsetOf(onnx);
  return { ...(opset !== undefined ? { opset } : {}), inputs: tensorSpecs(onnx.inputs), outputs: tensorSpecs(onnx.outputs) };
}

function hardwareFitOf(facts: Json): HardwareFit | undefined {
  const fit = isObject(facts.hardwareFit) ? facts.hardwareFit : undefined;
  const estimatedBytes = numberAt(fit?.estimatedBytes);
  if (!fit || estimatedBytes === undefined || !Array.isArray(fit.fits)) return undefined;
  const fits = fit.fits
    .filter(isObject)
    .map((entry) => ({ memoryGb: numberAt(entry.memoryGb), fits: entry.fits === true }))
    .filter((entry): entry is { memoryGb: number; fits: boolean } => entry.memoryGb !== undefined);
  return { estimatedBytes, rule: textAt(fit.rule), fits };
}

/**
 * `parameters` is the version's own count when the caller has it: null there means "not known" (no weights
 * read yet, or none to count), never a number the facts might still hold.
 */
export function readVersionFacts(facts: Json, parameters?: number | null): VersionFacts {
  const hub = isObject(facts.hub) ? facts.hub : {};
  const result: VersionFacts = {
    parameters: parameters === undefined ? pick(facts, numberAt, 'parameters') : (parameters ?? undefined),
    dtypes: dtypesOf(facts),
    architecture: pick(facts, textAt, 'architecture'),
    modelType: pick(facts, textAt, 'modelType'),
    contextLength: pick(facts, numberAt, 'contextLength'),
    layers: pick(facts, numberAt, 'layers'),
    hiddenSize: pick(facts, numberAt, 'hiddenSize'),
    vocabSize: pick(facts, numberAt, 'vocabSize'),
    quantization: pick(facts, textAt, 'quantization'),
    onnx: onnxOf(facts),
    hardwareFit: hardwareFitOf(facts),
    hubRepo: textAt(hub.repo),
    baseModel: textAt(hub.baseModel),
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as unknown as VersionFacts;
}
