#!/usr/bin/env node
// vetted-bench: the benchmark runner on the command line (`vetted-bench --help`, `vetted-bench model.gguf --help`).
import { runBenchmark } from './benchmark-runner.js';
import type { BenchmarkFinding } from './benchmark-types.js';
import { parseCliArguments, USAGE, UsageError } from './cli-arguments.js';
import { GGUF_USAGE, isGgufCommand, parseGgufCliArguments } from './gguf/gguf-cli-arguments.js';
import { runGgufBenchmark } from './gguf/gguf-runner.js';
import { formatGgufSummary } from './gguf/gguf-summary.js';
import { formatSummary } from './result-summary.js';

async function benchmarkOnnx(argv: string[]): Promise<void> {
  const command = parseCliArguments(argv);
  if (command.help) return void console.log(USAGE);
  const result = await runBenchmark(command.modelPath, command.options);
  report(result, command.json ? JSON.stringify(result, null, 2) : formatSummary(command.modelPath, result));
}

async function benchmarkGguf(argv: string[]): Promise<void> {
  const command = parseGgufCliArguments(argv);
  if (command.help) return void console.log(GGUF_USAGE);
  const result = await runGgufBenchmark(command.modelPath, command.options);
  report(result, command.json ? JSON.stringify(result, null, 2) : formatGgufSummary(command.modelPath, result));
}

/** Exit code 0 on success without critical findings, 1 otherwise. */
function report(result: { status: string; findings: BenchmarkFinding[] }, text: string): void {
  console.log(text);
  const critical = result.findings.some((finding) => finding.severity === 'critical');
  process.exitCode = result.status === 'succeeded' && !critical ? 0 : 1;
}

const argv = process.argv.slice(2);
const gguf = isGgufCommand(argv);
try {
  await (gguf ? benchmarkGguf(argv) : benchmarkOnnx(argv));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${gguf ? GGUF_USAGE : USAGE}`);
  process.exitCode = 2;
}
