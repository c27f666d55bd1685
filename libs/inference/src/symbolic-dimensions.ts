/** What a symbolic dimension's name says it measures; its value comes from the run's options or a default. */
export type DimensionKind = 'batch' | 'past_sequence' | 'sequence' | 'samples' | 'height' | 'width' | 'channels';

export const DIMENSION_KINDS: readonly DimensionKind[] = ['batch', 'past_sequence', 'sequence', 'samples', 'height', 'width', 'channels'];

const DEFAULTS: Record<Exclude<DimensionKind, 'batch'>, number> = {
  // An empty key/value cache: the first step of generation.
  past_sequence: 0,
  sequence: 16,
  // One second of 16 kHz audio.
  samples: 16_000,
  height: 224,
  width: 224,
  channels: 3,
};

/** Value of a dimension whose name says nothing: the smallest that is valid. */
const UNKNOWN_DEFAULT = 1;

const KIND_RULES: [DimensionKind, RegExp][] = [
  ['past_sequence', /past/],
  ['batch', /^(n|b|bs|nbatch|batches|num_batch(es)?)$|^batch/],
  ['samples', /samples|audio|waveform/],
  ['height', /^h$|height|^(image|img)_?size$/],
  ['width', /^w$|width/],
  ['channels', /^c$|^(num_|in_)?channels?$/],
  ['sequence', /seq|length|(^|_)len($|_)|tokens|frames|^t$|^time$/],
];

export function dimensionKind(name: string): DimensionKind | undefined {
  const normalised = name.trim().toLowerCase();
  return KIND_RULES.find(([, pattern]) => pattern.test(normalised))?.[0];
}

export type DimensionSettings = { batchSize: number; dims: Record<string, number> };

/**
 * Resolves the symbolic dimensions of a model's inputs. Names are matched exactly first, then by kind; simple
 * expressions exporters write (`past_sequence_length + 1`, `batch_size*num_heads`) are evaluated term by term.
 */
export class DimensionResolver {
  /** Every name resolved so far and its value, for the run's settings. */
  readonly resolved: Record<string, number> = {};
  /** Names that matched no rule and got the default of 1. */
  readonly guessed = new Set<string>();
  /** Keys of the `dims` overrides that some dimension used. */
  readonly usedOverrides = new Set<string>();
  /** The value of the first batch dimension met: the items one run processes. */
  batchValue: number | undefined;

  constructor(private readonly settings: DimensionSettings) {}

  resolve(name: string): number {
    const value = name.includes('+') || name.includes('*') ? this.expression(name) : this.single(name);
    this.resolved[name] = value;
    return value;
  }

  private expression(text: string): number {
    let sum = 0;
    for (const term of text.split('+')) {
      let product = 1;
      for (const factor of term.split('*')) product *= this.single(factor.trim());
      sum += product;
    }
    return sum;
  }

  private single(name: string): number {
    if (/^\d+$/.test(name)) return Number(name);
    const exact = this.settings.dims[name];
    const kind = dimensionKind(name);
    if (exact !== undefined) this.usedOverrides.add(name);
    if (kind === 'batch') {
      this.usedOverrides.add('batch');
      const value = exact ?? this.settings.batchSize;
      this.batchValue ??= value;
      return value;
    }
    if (exact !== undefined) return exact;
    if (kind === undefined) {
      this.guessed.add(name);
      return UNKNOWN_DEFAULT;
    }
    const override = this.settings.dims[kind];
    if (override === undefined) return DEFAULTS[kind];
    this.usedOverrides.add(kind);
    return override;
  }
}
