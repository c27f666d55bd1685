import type { BenchmarkResult } from './benchmark-types.js';

const shape = (dims: readonly number[]): string => `[${dims.join(', ')}]`;
const ms = (value: number): string => `${value.toFixed(3)} ms`;

/** A result as a few readable lines, for the command line. */
export function formatSummary(modelPath: string, result: BenchmarkResult): string {
  const { executionProvider: provider, hardware } = result;
  const lines: string[] = [];
  lines.push(
    `${modelPath}: ${result.status === 'succeeded' ? 'succeeded' : `FAILED (${result.error.kind})`} on ${provider.actual ?? 'no provider'}`,
  );
  if (provider.requested !== provider.actual)
    lines.push(`  requested ${provider.requested}${provider.fallbackReason ? `; ${provider.fallbackReason}` : ''}`);
  const gpus = hardware.gpus.map((gpu) => `${gpu.name} (driver ${gpu.driver})`).join(', ');
  lines.push(
    `  hardware: ${hardware.cpu.model} × ${hardware.cpu.cores}, ${(hardware.totalMemoryMb / 1024).toFixed(1)} GiB` +
      `${gpus ? `, ${gpus}` : ''}; onnxruntime ${hardware.onnxruntimeVersion}, node ${hardware.nodeVersion}`,
  );
  const settings = result.settings;
  if (settings) {
    const dims = Object.entries(settings.dims).map(([name, value]) => `${name}=${value}`);
    const runs = [
      `batch ${settings.batchSize}`,
      `warm-up ${settings.warmup}`,
      ...(settings.iterations !== undefined ? [`iterations ${settings.iterations}`] : []),
      ...(settings.durationMs !== undefined ? [`budget ${settings.durationMs} ms`] : []),
      ...(dims.length ? [`dims ${dims.join(' ')}`] : []),
    ];
    lines.push(`  settings: ${runs.join(', ')}`);
    for (const input of settings.inputs) {
      lines.push(`  input ${input.name}: ${input.dtype} ${shape(input.shape)} ${input.fill}, sizes from ${input.source.join(', ')}`);
    }
  }
  if (result.status === 'succeeded') {
    const m = result.metrics;
    lines.push(`  load ${ms(m.loadMs)}, first run ${ms(m.firstRunMs)}`);
    lines.push(`  ${m.runs} runs: p50 ${ms(m.p50Ms)}, p90 ${ms(m.p90Ms)}, p99 ${ms(m.p99Ms)}, mean ${ms(m.meanMs)}`);
    lines.push(`  throughput ${m.throughput} items/s, peak RSS ${m.peakRssMb} MiB`);
    for (const output of result.outputs) {
      lines.push(
        `  output ${output.name}: ${output.dtype} ${shape(output.shape)}${output.nonFinite ? `, ${output.nonFinite} NaN/Inf` : ''}`,
      );
    }
    if (result.reference) {
      const { passed, maxAbsError, atol, rtol } = result.reference;
      lines.push(`  reference: ${passed ? 'passed' : 'FAILED'} (max abs error ${maxAbsError}, atol ${atol}, rtol ${rtol})`);
    }
  } else {
    lines.push(`  error: ${result.error.message}`);
  }
  for (const finding of result.findings) lines.push(`  ${finding.severity} ${finding.code}: ${finding.message}`);
  if (result.status === 'failed' && result.logTail.length) lines.push('  log tail:', ...result.logTail.map((line) => `    ${line}`));
  return lines.join('\n');
}
