import { describe, expect, it } from 'vitest';
import { bufferSource } from '../src/byte-source.js';
import { ACCELERATOR_MEMORY_GB, hardwareFit } from '../src/hardware-fit.js';
import { inspectSafetensors } from '../src/safetensors.js';
import { totalBytes } from '../src/tensor-facts.js';
import { safetensorsFile } from './safetensors-writer.js';

const GIB = 1024 ** 3;
const fitting = (weightBytes: number) =>
  hardwareFit(weightBytes)
    .fits.filter((fit) => fit.fits)
    .map((fit) => fit.memoryGb);

describe('hardwareFit', () => {
  it('adds 20% and half a GiB to the weights, and says so', () => {
    const fit = hardwareFit(10 * GIB);
    expect(fit.weightBytes).toBe(10 * GIB);
    expect(fit.estimatedBytes).toBe(12.5 * GIB);
    expect(fit.rule).toContain('1.2');
    expect(fit.rule).toContain('0.5 GiB');
    expect(fit.fits).toEqual(ACCELERATOR_MEMORY_GB.map((memoryGb) => ({ memoryGb, fits: memoryGb >= 16 })));
  });

  it('places common model sizes on the right cards', () => {
    expect(fitting(1.1e9 * 2)).toEqual([8, 16, 24, 40, 48, 80, 141]); // 1.1B in bf16
    expect(fitting(8e9 * 2)).toEqual([24, 40, 48, 80, 141]); // 8B in bf16: 18.4 GiB
    expect(fitting(70e9 * 2)).toEqual([]); // 70B in bf16 needs more than one H200
    expect(fitting(70e9 * 0.6)).toEqual([48, 80, 141]); // 70B at ~4.8 bits
  });

  it('is an exact boundary: a model that needs exactly a card fits it', () => {
    const weightBytes = Math.floor((23.5 * GIB) / 1.2);
    expect(hardwareFit(weightBytes, { memorySizesGb: [24] }).fits).toEqual([{ memoryGb: 24, fits: true }]);
    expect(hardwareFit(weightBytes + 1, { memorySizesGb: [24] }).fits).toEqual([{ memoryGb: 24, fits: false }]);
  });

  it('works from inspected tensor facts', async () => {
    const { facts } = await inspectSafetensors(bufferSource(safetensorsFile({ w: { dtype: 'BF16', shape: [1024, 512] } })));
    expect(hardwareFit(totalBytes(facts)).weightBytes).toBe(1024 * 512 * 2);
  });
});
