#!/usr/bin/env node
// vetted-bench: the benchmark runner on the command line (`vetted-bench --help`).
import { runBenchmark } from './benchmark-runner.js';
import { parseCliArguments, USAGE, UsageError } from './cli-arguments.js';
import { formatSummary } from './result-summary.js';

try {
  const command = parseCliArguments(process.argv.slice(2));
  if (command.help) {
    console.log(USAGE);
  } else {
    const result = await runBenchmark(command.modelPath, command.options);
    console.log(command.json ? JSON.stringify(result, null, 2) : formatSummary(command.modelPath, result));
    const critical = result.findings.some((finding) => finding.severity === 'critical');
    process.exitCode = result.status === 'succeeded' && !critical ? 0 : 1;
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exitCode = 2;
}
