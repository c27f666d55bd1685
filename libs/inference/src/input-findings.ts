import type { BenchmarkFinding } from './benchmark-types.js';
import type { DimensionResolver, ResolvedDimension } from './symbolic-dimensions.js';

/** The symbolic dimensions of one input that neither the request nor preprocessor_config.json gave. */
export type DefaultedDimensions = { input: string; dimensions: ResolvedDimension[] };

export type SynthesisFacts = {
  defaulted: readonly DefaultedDimensions[];
  resolver: DimensionResolver;
  options: { batchSize: number; dims: Record<string, number>; vocabSize: number; vocabSizeKnown: boolean };
  /** Items one run processes. */
  batchSize: number;
  madeTokenIds: boolean;
};

/** Inputs named in a message before the rest are only counted. */
const LISTED_INPUTS = 3;

/** What a reader of the result should know about how the inputs were made. */
export function synthesisFindings({ defaulted, resolver, options, batchSize, madeTokenIds }: SynthesisFacts): BenchmarkFinding[] {
  const result = defaultedFindings(defaulted);
  for (const key of Object.keys(options.dims).filter((key) => !resolver.usedOverrides.has(key))) {
    result.push({
      severity: 'warning',
      code: 'dimension_override_unused',
      message: `dims.${key} matches no symbolic dimension of the model's inputs`,
      evidence: { dimension: key },
    });
  }
  if (resolver.batchValue === undefined && options.batchSize !== 1) {
    result.push({
      severity: 'info',
      code: 'batch_size_ignored',
      message: `the model's inputs have no symbolic batch dimension; each run processes one item, not ${options.batchSize}`,
      evidence: { requested: options.batchSize, batchSize },
    });
  }
  if (madeTokenIds && !options.vocabSizeKnown) {
    result.push({
      severity: 'info',
      code: 'vocab_size_unknown',
      message: `no config.json vocab_size: token ids were drawn from [0, ${options.vocabSize})`,
      evidence: { vocabSize: options.vocabSize },
    });
  }
  return result;
}

/**
 * One `dims_defaulted` finding per set of defaulted dimensions, naming the inputs that share it (a decoder's
 * caches all share `past_sequence_length`). A warning when some dimension's meaning is unknown (it got 1).
 */
function defaultedFindings(defaulted: readonly DefaultedDimensions[]): BenchmarkFinding[] {
  const groups = new Map<string, { inputs: string[]; dimensions: ResolvedDimension[] }>();
  for (const { input, dimensions } of defaulted) {
    if (dimensions.length === 0) continue;
    const dims = dimensions.map(describe).join(', ');
    const group = groups.get(dims) ?? { inputs: [], dimensions };
    group.inputs.push(input);
    groups.set(dims, group);
  }
  return [...groups].map(([dims, { inputs, dimensions }]) => ({
    severity: dimensions.some((dim) => dim.guessed) ? 'warning' : 'info',
    code: 'dims_defaulted',
    message:
      `${inputs.length === 1 ? 'input' : 'inputs'} ${listed(inputs)}: ${dims} were not given; ` +
      `set them with dims by name, kind or input.axis, e.g. {"${dimensions[0]?.key}": N}`,
    evidence: { inputs: inputs.join(', '), dims: dimensions.map((dim) => `${dim.key}=${dim.value}`).join(', ') },
  }));
}

function describe(dim: ResolvedDimension): string {
  const why = dim.guessed
    ? 'meaning unknown'
    : dim.source === 'graph'
      ? `${dim.kind}, as the fixed other side`
      : dim.kind && !dim.key.toLowerCase().includes(dim.kind)
        ? dim.kind
        : undefined;
  return `${dim.key}=${dim.value}${why ? ` (${why})` : ''}`;
}

function listed(inputs: readonly string[]): string {
  const shown = inputs.slice(0, LISTED_INPUTS).join(', ');
  return inputs.length > LISTED_INPUTS ? `${shown} and ${inputs.length - LISTED_INPUTS} more` : shown;
}
