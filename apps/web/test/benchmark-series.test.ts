import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../src/api/api-types';
import { hardwareLabel, latencyBars } from '../src/model/benchmark-series';

const machine = { cpu: { model: 'AMD EPYC 9454', cores: 16 }, gpus: [{ name: 'NVIDIA H100 80GB HBM3', driver: '550.1' }] };

function run(
  id: string,
  version: string,
  status: BenchmarkRun['status'],
  provider: string,
  p50Ms: number,
  hardware: BenchmarkRun['hardware'] = machine,
): BenchmarkRun {
  return {
    id,
    model: 'acme/m',
    version,
    status,
    file: 'model.onnx',
    format: 'onnx',
    requestedBy: 'auto',
    requestedByName: 'automatic',
    executionProvider: { requested: 'auto', actual: provider, fallbackReason: null },
    hardware,
    settings: {},
    inputs: null,
    metrics:
      status === 'succeeded'
        ? {
            loadMs: 5,
            firstRunMs: 3,
            p50Ms,
            p90Ms: p50Ms * 1.2,
            p99Ms: p50Ms * 1.5,
            meanMs: p50Ms,
            throughput: 1000 / p50Ms,
            peakRssMb: 100,
          }
        : null,
    outputs: null,
    gguf: null,
    reference: null,
    findings: [],
    error: null,
    logTail: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
}

describe('benchmark history', () => {
  it('names the GPU for GPU providers and the CPU otherwise', () => {
    expect(hardwareLabel(machine, 'webgpu')).toBe('NVIDIA H100 80GB HBM3');
    expect(hardwareLabel(machine, 'cpu')).toBe('AMD EPYC 9454 × 16');
    expect(hardwareLabel({ cpu: {} }, 'cuda')).toBe('unknown CPU');
    expect(hardwareLabel(null, 'cpu')).toBe('unknown hardware');
  });

  it('keeps the best succeeded run per version, provider and machine, newest version first', () => {
    const bars = latencyBars(
      [
        run('a', '1.0', 'succeeded', 'cpu', 40),
        run('b', '1.0', 'succeeded', 'cpu', 30),
        run('c', '2.0', 'succeeded', 'cpu', 20),
        run('d', '2.0', 'succeeded', 'webgpu', 4),
        run('e', '2.0', 'failed', 'webgpu', 1),
        run('f', '2.0', 'succeeded', 'cpu', 25, { cpu: { model: 'Other CPU', cores: 2 } }),
      ],
      ['2.0', '1.0'],
    );
    expect(bars.map((bar) => [bar.runId, bar.version, bar.provider, bar.hardware])).toEqual([
      ['d', '2.0', 'webgpu', 'NVIDIA H100 80GB HBM3'],
      ['c', '2.0', 'cpu', 'AMD EPYC 9454 × 16'],
      ['f', '2.0', 'cpu', 'Other CPU × 2'],
      ['b', '1.0', 'cpu', 'AMD EPYC 9454 × 16'],
    ]);
  });
});
