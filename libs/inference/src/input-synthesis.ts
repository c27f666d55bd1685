import { BenchmarkFailure } from './benchmark-failure.js';
import type { BenchmarkFinding, DimensionSource, ExplicitInput, InputFill, ResolvedInput, TensorDtype } from './benchmark-types.js';
import { allocate, elementCount, type HostTensor, isFloatDtype, isTensorDtype, writeNumber } from './host-tensor.js';
import { axisHints } from './image-layout.js';
import { type DefaultedDimensions, synthesisFindings } from './input-findings.js';
import { seededRandom } from './seeded-random.js';
import { DimensionResolver, type ImageSize, type ResolvedDimension } from './symbolic-dimensions.js';

/** An input as the session describes it (`session.inputMetadata`): symbolic dimensions are strings. */
export type ValueMetadata = { name: string; isTensor: boolean; type?: string; shape?: readonly (number | string)[] };

export type SynthesisOptions = {
  batchSize: number;
  /** False when `batchSize` is the default rather than the caller's. */
  batchSizeRequested: boolean;
  dims: Record<string, number>;
  /** From `preprocessor_config.json`: fills the symbolic sides of image inputs. */
  imageSize?: ImageSize;
  inputs: Record<string, ExplicitInput>;
  /** Upper bound (exclusive) of synthesised token ids. */
  vocabSize: number;
  /** Whether `vocabSize` came from the caller or a config rather than the default. */
  vocabSizeKnown: boolean;
  seed: number;
};

export type SynthesisedInputs = {
  tensors: Map<string, HostTensor>;
  batchSize: number;
  dims: Record<string, number>;
  inputs: ResolvedInput[];
  findings: BenchmarkFinding[];
};

/** Larger inputs are a mistake in the dimensions, not a benchmark. */
const MAX_INPUT_ELEMENTS = 2 ** 28;
/** Range of random integers where nothing says what the integers mean. */
const RANDOM_INTEGER_RANGE = 100;

/** Makes one tensor per model input, from the caller's explicit inputs or from the input's name, type and shape. */
export function synthesiseInputs(metadata: readonly ValueMetadata[], options: SynthesisOptions): SynthesisedInputs {
  const known = new Set(metadata.map((input) => input.name));
  const unknown = Object.keys(options.inputs).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BenchmarkFailure('invalid_options', `the model has no input named ${unknown.join(', ')} (it has ${[...known].join(', ')})`);
  }
  const resolver = new DimensionResolver({
    batchSize: options.batchSize,
    batchSizeRequested: options.batchSizeRequested,
    dims: options.dims,
    ...(options.imageSize && { imageSize: options.imageSize }),
  });
  const random = seededRandom(options.seed);
  const tensors = new Map<string, HostTensor>();
  const inputs: ResolvedInput[] = [];
  const defaulted: DefaultedDimensions[] = [];
  let madeTokenIds = false;
  for (const input of metadata) {
    const explicit = options.inputs[input.name];
    const dtype = explicit?.dtype ?? input.type;
    if (!input.isTensor || !isTensorDtype(dtype)) {
      throw new BenchmarkFailure(
        'invalid_options',
        `input ${input.name} has type ${dtype ?? 'non-tensor'}, which the runner cannot synthesise`,
      );
    }
    const modelShape = input.shape ?? [];
    const hints = axisHints(input);
    const dimensions = modelShape.map((dim, axis) =>
      typeof dim === 'number' ? dim : resolver.resolve({ input: input.name, axis, name: dim, ...hints[axis] }),
    );
    const resolvedShape = dimensions.map((dim) => (typeof dim === 'number' ? dim : dim.value));
    const shape = explicit ? explicitShape(input.name, explicit, modelShape, resolvedShape) : resolvedShape;
    const source: DimensionSource[] = explicit?.shape
      ? shape.map((_, axis) => (typeof modelShape[axis] === 'number' ? 'graph' : 'request'))
      : dimensions.map((dim) => (typeof dim === 'number' ? 'graph' : dim.source));
    if (!explicit?.shape) defaulted.push({ input: input.name, dimensions: dimensions.filter(isDefaulted) });
    const size = elementCount(shape);
    if (size > MAX_INPUT_ELEMENTS) {
      throw new BenchmarkFailure('invalid_options', `input ${input.name} of shape [${shape.join(', ')}] is too large to synthesise`);
    }
    const tensor: HostTensor = { dtype, shape, data: allocate(dtype, size) };
    const fill = explicit?.data ? 'data' : (explicit?.fill ?? defaultFill(input.name, dtype));
    if (explicit?.data) copyData(input.name, tensor, explicit.data);
    else fillTensor(tensor, fill, random, fill === 'token_ids' ? options.vocabSize : RANDOM_INTEGER_RANGE);
    madeTokenIds ||= fill === 'token_ids';
    tensors.set(input.name, tensor);
    inputs.push({ name: input.name, dtype, shape, fill, source });
  }
  const batchSize = resolver.batchValue ?? 1;
  const findings = synthesisFindings({ defaulted, resolver, options, batchSize, madeTokenIds });
  return { tensors, batchSize, dims: resolver.resolved, inputs, findings };
}

/** A symbolic dimension nothing stated: the batch is left out, being the run's own `batchSize` setting. */
const isDefaulted = (dim: number | ResolvedDimension): dim is ResolvedDimension =>
  typeof dim !== 'number' && (dim.source === 'default' || dim.source === 'graph') && dim.kind !== 'batch';

function explicitShape(name: string, explicit: ExplicitInput, modelShape: readonly (number | string)[], resolved: number[]): number[] {
  const given = explicit.shape ?? (explicit.data && explicit.data.length !== elementCount(resolved) ? undefined : resolved);
  if (!given) {
    throw new BenchmarkFailure(
      'invalid_options',
      `input ${name}: ${explicit.data?.length} values do not fill [${resolved.join(', ')}]; give its shape`,
    );
  }
  if (!given.every((dim) => Number.isInteger(dim) && dim >= 0)) {
    throw new BenchmarkFailure('invalid_options', `input ${name}: shape [${given.join(', ')}] is not a list of sizes`);
  }
  // An empty model shape may also mean "unknown", so only a stated rank is checked.
  const fits =
    modelShape.length === 0 ||
    (modelShape.length === given.length && modelShape.every((dim, i) => typeof dim !== 'number' || dim === given[i]));
  if (!fits) {
    throw new BenchmarkFailure(
      'invalid_options',
      `input ${name}: shape [${given.join(', ')}] does not fit the model's [${modelShape.join(', ')}]`,
    );
  }
  return given;
}

function defaultFill(name: string, dtype: TensorDtype): InputFill {
  const lower = name.toLowerCase();
  if (lower.includes('mask')) return 'ones';
  if (lower.includes('position')) return 'positions';
  if (/token_type|segment/.test(lower)) return 'zeros';
  if (isFloatDtype(dtype)) return 'random';
  if (dtype === 'bool') return 'ones';
  if (/(^|_)ids$|(^|_)tokens?$/.test(lower)) return 'token_ids';
  // Integers of unknown meaning are often indices; zero is always in range.
  return 'zeros';
}

function fillTensor(tensor: HostTensor, fill: InputFill, random: () => number, integerRange: number): void {
  const size = tensor.data.length;
  const lastDim = tensor.shape.at(-1) ?? 1;
  const float = isFloatDtype(tensor.dtype);
  const value = (index: number): number => {
    switch (fill) {
      case 'zeros':
        return 0;
      case 'ones':
        return 1;
      case 'positions':
        return index % lastDim;
      case 'token_ids':
        return Math.floor(random() * integerRange);
      default:
        if (float) return random() * 2 - 1;
        return tensor.dtype === 'bool' ? Math.round(random()) : Math.floor(random() * integerRange);
    }
  };
  // A zero-filled typed array needs no writes.
  if (fill === 'zeros') return;
  for (let index = 0; index < size; index += 1) writeNumber(tensor, index, value(index));
}

function copyData(name: string, tensor: HostTensor, data: number[]): void {
  if (data.length !== tensor.data.length) {
    throw new BenchmarkFailure('invalid_options', `input ${name}: ${data.length} values for shape [${tensor.shape.join(', ')}]`);
  }
  const integers = !isFloatDtype(tensor.dtype);
  data.forEach((value, index) => {
    if (typeof value !== 'number' || (integers && !Number.isInteger(value))) {
      throw new BenchmarkFailure('invalid_options', `input ${name}: value ${String(value)} is not a valid ${tensor.dtype}`);
    }
    writeNumber(tensor, index, value);
  });
}
