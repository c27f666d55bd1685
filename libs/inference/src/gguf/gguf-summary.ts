import type { GgufBenchmarkResult } from './gguf-types.js';

/** A GGUF result as a few readable lines, for the command line. */
export function formatGgufSummary(modelPath: string, result: GgufBenchmarkResult): string {
  const { executionProvider: backend, hardware } = result;
  const lines: string[] = [];
  lines.push(
    `${modelPath}: ${result.status === 'succeeded' ? 'succeeded' : `FAILED (${result.error.kind})`} on ${backend.actual ?? 'no backend'}`,
  );
  if (backend.requested !== backend.actual)
    lines.push(`  requested ${backend.requested}${backend.fallbackReason ? `; ${backend.fallbackReason}` : ''}`);
  const gpus = [...hardware.gpus.map((gpu) => `${gpu.name} (driver ${gpu.driver})`), ...(hardware.llamaGpuDevices ?? [])].join(', ');
  lines.push(
    `  hardware: ${hardware.cpu.model} × ${hardware.cpu.cores}, ${(hardware.totalMemoryMb / 1024).toFixed(1)} GiB` +
      `${gpus ? `, ${gpus}` : ''}; node-llama-cpp ${hardware.nodeLlamaCppVersion}` +
      `${hardware.llamaCppRelease ? ` (llama.cpp ${hardware.llamaCppRelease})` : ''}, node ${hardware.nodeVersion}`,
  );
  const settings = result.settings;
  if (settings) {
    lines.push(
      `  settings: context ${settings.contextSize}, prompt ${settings.promptTokens} tokens, generate ${settings.generateTokens}, ` +
        `seed ${settings.seed}, threads ${settings.threads}`,
    );
  }
  if (result.status === 'succeeded') {
    const { model, metrics: m, perplexity, completion, chatTemplate } = result;
    lines.push(
      `  model: ${model.architecture}${model.name ? ` "${model.name}"` : ''}${model.fileType ? `, ${model.fileType}` : ''}, ` +
        `${model.parameters} parameters, ${model.sizeMb} MiB`,
    );
    lines.push(
      `  load ${m.loadMs} ms, ${m.gpuLayers} of ${m.totalLayers} layers on the GPU, peak RSS ${m.peakRssMb} MiB` +
        `${m.vramUsedMb !== undefined ? `, VRAM ${m.vramUsedMb} MiB` : ''}`,
    );
    lines.push(`  prompt: ${m.promptTokensPerSecond} tokens/s (${m.promptMs} ms)`);
    lines.push(
      `  generation: ${m.generationTokensPerSecond} tokens/s, p50 ${m.p50Ms} ms per token, first token after ${m.timeToFirstTokenMs} ms`,
    );
    lines.push(`  perplexity ${perplexity.value} over ${perplexity.tokens} tokens of ${perplexity.text}`);
    lines.push(
      `  chat template: ${chatTemplate.present ? (chatTemplate.applied ? `applied (${chatTemplate.wrapper})` : `not applied: ${chatTemplate.error}`) : 'none'}`,
    );
    lines.push(`  completion (${completion.tokens} tokens, sha256 ${completion.sha256.slice(0, 16)}…): ${JSON.stringify(completion.text)}`);
  } else {
    lines.push(`  error: ${result.error.message}`);
  }
  for (const finding of result.findings) lines.push(`  ${finding.severity} ${finding.code}: ${finding.message}`);
  if (result.status === 'failed' && result.logTail.length) lines.push('  log tail:', ...result.logTail.map((line) => `    ${line}`));
  return lines.join('\n');
}
