import type { DimensionSource } from './benchmark-types.js';
import type { AxisHint } from './image-layout.js';

/** What a symbolic dimension measures, by its name or its place in an image; its value comes from the run's options or a default. */
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

/** Value of a dimension whose name and place say nothing: the smallest that is valid. */
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

export type ImageSize = { height: number; width: number };

export type DimensionSettings = {
  batchSize: number;
  /** False when `batchSize` is the default of 1 rather than the caller's. */
  batchSizeRequested: boolean;
  dims: Record<string, number>;
  /** The size `preprocessor_config.json` resizes images to. */
  imageSize?: ImageSize;
};

/** One symbolic axis of an input; `name` is empty when the graph leaves it unnamed. */
export type SymbolicAxis = { input: string; axis: number; name: string } & AxisHint;

export type ResolvedDimension = {
  /** Its name in the run's settings and in `dims`: the graph's name, or `input.axis` when it has none. */
  key: string;
  value: number;
  source: DimensionSource;
  kind?: DimensionKind;
  /** Nothing said what it measures, so it got 1. */
  guessed: boolean;
};

type Term = Omit<ResolvedDimension, 'key'>;

/** The least certain source wins when terms of an expression disagree. */
const CERTAINTY: readonly DimensionSource[] = ['default', 'graph', 'preprocessor_config', 'request'];

/**
 * Resolves the symbolic dimensions of a model's inputs. An axis is matched by position (`x.2`) first, then by
 * exact name, then by kind (from its name, else from its place in an image input); simple expressions exporters
 * write (`past_sequence_length + 1`, `batch_size*num_heads`) are evaluated term by term. A name gets one value
 * across all inputs, as ONNX requires.
 */
export class DimensionResolver {
  /** Every dimension resolved so far and its value, by key, for the run's settings. */
  readonly resolved: Record<string, number> = {};
  /** Keys of the `dims` overrides that some dimension used. */
  readonly usedOverrides = new Set<string>();
  /** The value of the first batch dimension met: the items one run processes. */
  batchValue: number | undefined;
  private readonly byKey = new Map<string, ResolvedDimension>();

  constructor(private readonly settings: DimensionSettings) {}

  resolve(axis: SymbolicAxis): ResolvedDimension {
    const position = `${axis.input}.${axis.axis}`;
    const key = axis.name || position;
    const positional = this.settings.dims[position];
    let dimension: ResolvedDimension;
    if (positional !== undefined) {
      this.usedOverrides.add(position);
      const kind = this.kindOf(axis.name, axis.kind);
      if (kind === 'batch') this.batchValue ??= positional;
      dimension = { key, value: positional, source: 'request', ...(kind && { kind }), guessed: false };
    } else {
      dimension = this.byKey.get(key) ?? { key, ...this.term(axis) };
      this.byKey.set(key, dimension);
    }
    this.resolved[key] = dimension.value;
    return dimension;
  }

  private term(axis: SymbolicAxis): Term {
    if (!axis.name.includes('+') && !axis.name.includes('*')) return this.single(axis.name, axis);
    const terms = axis.name.split('+').map((product) => product.split('*').map((factor) => this.single(factor.trim(), {})));
    const all = terms.flat();
    return {
      value: terms.reduce((sum, factors) => sum + factors.reduce((product, factor) => product * factor.value, 1), 0),
      source: CERTAINTY[Math.min(...all.map((factor) => CERTAINTY.indexOf(factor.source)))] ?? 'default',
      guessed: all.some((factor) => factor.guessed),
    };
  }

  private single(name: string, hint: AxisHint): Term {
    if (/^\d+$/.test(name)) return { value: Number(name), source: 'graph', guessed: false };
    const kind = this.kindOf(name, hint.kind);
    const exact = name ? this.settings.dims[name] : undefined;
    if (exact !== undefined) this.usedOverrides.add(name);
    if (kind === 'batch') {
      this.usedOverrides.add('batch');
      const value = exact ?? this.settings.batchSize;
      this.batchValue ??= value;
      return { value, source: exact !== undefined || this.settings.batchSizeRequested ? 'request' : 'default', kind, guessed: false };
    }
    if (exact !== undefined) return { value: exact, source: 'request', ...(kind && { kind }), guessed: false };
    if (kind === undefined) return { value: UNKNOWN_DEFAULT, source: 'default', guessed: true };
    const override = this.settings.dims[kind];
    if (override !== undefined) {
      this.usedOverrides.add(kind);
      return { value: override, source: 'request', kind, guessed: false };
    }
    if (kind === 'height' || kind === 'width') {
      const configured = this.settings.imageSize?.[kind];
      if (configured !== undefined) return { value: configured, source: 'preprocessor_config', kind, guessed: false };
      if (hint.fixedSide !== undefined) return { value: hint.fixedSide, source: 'graph', kind, guessed: false };
    }
    return { value: DEFAULTS[kind], source: 'default', kind, guessed: false };
  }

  /** A name that says what it measures wins over the axis's place. */
  private kindOf(name: string, placeKind: DimensionKind | undefined): DimensionKind | undefined {
    return (name ? dimensionKind(name) : undefined) ?? placeKind;
  }
}
