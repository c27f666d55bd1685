import { peakResidentMemoryMb } from '../process-memory.js';
import type { GgufMetrics } from './gguf-types.js';
import type { GenerationTiming } from './token-timing.js';

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export type MetricsInput = {
  loadMs: number;
  gpuLayers: number;
  totalLayers: number;
  promptTokens: number;
  promptMs: number;
  generation: GenerationTiming;
  vramUsedMb: number | undefined;
};

/** A run's figures, rounded for storage. Generation counts the tokens after the first, whose time carries the prompt. */
export function ggufMetrics({ loadMs, gpuLayers, totalLayers, promptTokens, promptMs, generation, vramUsedMb }: MetricsInput): GgufMetrics {
  const decodeMs = generation.gapsMs.reduce((sum, gap) => sum + gap, 0);
  const sorted = [...generation.gapsMs].sort((a, b) => a - b);
  return {
    loadMs: round(loadMs),
    gpuLayers,
    totalLayers,
    promptMs: round(promptMs),
    promptTokensPerSecond: round((promptTokens * 1000) / promptMs, 2),
    timeToFirstTokenMs: round(generation.timeToFirstTokenMs),
    generatedTokens: generation.tokens.length,
    generationTokensPerSecond: round((generation.gapsMs.length * 1000) / decodeMs, 2),
    p50Ms: round(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0),
    peakRssMb: round(peakResidentMemoryMb(), 1),
    ...(vramUsedMb !== undefined && { vramUsedMb: round(vramUsedMb, 1) }),
  };
}
