/** Common accelerator memory sizes, in GiB: consumer cards to H200. */
export const ACCELERATOR_MEMORY_GB = [8, 16, 24, 40, 48, 80, 141] as const;

const GIB = 1024 ** 3;
const FIXED_OVERHEAD_BYTES = 0.5 * GIB;

export type HardwareFit = {
  weightBytes: number;
  /** `tensors`: the weights' own sizes; `file sizes`: the weight files' sizes, where the tensors could not all be counted. */
  weightBytesFrom: 'tensors' | 'file sizes';
  estimatedBytes: number;
  /** How the estimate was made, for whoever reads it. */
  rule: string;
  fits: { memoryGb: number; fits: boolean }[];
};

export interface HardwareFitOptions {
  from?: HardwareFit['weightBytesFrom'];
  memorySizesGb?: readonly number[];
}

/**
 * A rough memory estimate to run a model for inference: the weights as stored, 20% more for activations, a
 * short KV cache and runtime buffers, and a fixed half GiB for the runtime itself. Long contexts and large
 * batches need more; this says which cards are worth trying, not which ones will do.
 */
export function hardwareFit(
  weightBytes: number,
  { from = 'tensors', memorySizesGb = ACCELERATOR_MEMORY_GB }: HardwareFitOptions = {},
): HardwareFit {
  // × 6 / 5 rather than × 1.2: exact for whole byte counts.
  const estimatedBytes = Math.ceil((weightBytes * 6) / 5) + FIXED_OVERHEAD_BYTES;
  const weights = from === 'tensors' ? 'weights' : "weight files' sizes (the tensors could not all be counted)";
  return {
    weightBytes,
    weightBytesFrom: from,
    estimatedBytes,
    rule: `${weights} × 1.2 (activations, KV cache, runtime buffers) + 0.5 GiB fixed; card sizes in GiB`,
    fits: memorySizesGb.map((memoryGb) => ({ memoryGb, fits: estimatedBytes <= memoryGb * GIB })),
  };
}
