import { fork } from 'node:child_process';
import { childEnvironment } from './child-environment.js';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreparedBenchmark } from './benchmark-core.js';
import { BenchmarkFailure } from './benchmark-failure.js';
import { normaliseOptions } from './benchmark-options.js';
import type { BenchmarkError, BenchmarkResult, FailedBenchmark, RunBenchmarkOptions } from './benchmark-types.js';
import { benchmarkChildScript } from './child-script.js';
import type { ChildMessage, StartBenchmark } from './child-protocol.js';
import { detectHardware } from './hardware-fingerprint.js';
import { LogTail } from './log-tail.js';
import { residentMemoryMb } from './process-memory.js';

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_LOG_TAIL_LINES = 50;
const MEMORY_POLL_MS = 100;
/** How long a child that has sent its result may take to exit. */
const EXIT_GRACE_MS = 5000;

export const defaultMemoryLimitMb = (): number => Math.round((os.totalmem() / 2 ** 20) * 0.75);

/**
 * Runs the smoke test in a child process, so a model that hangs, eats memory or crashes the runtime costs only
 * the child. The child is killed past `timeoutMs` or when its resident memory (polled from /proc, so Linux
 * only) passes `memoryLimitMb`; such ends come back as `failed` results with the child's log tail.
 * Throws only when the child script is not built, or with the signal's reason when aborted.
 */
export async function runBenchmark(modelPath: string, options: RunBenchmarkOptions = {}): Promise<BenchmarkResult> {
  const {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    memoryLimitMb = defaultMemoryLimitMb(),
    logTailLines = DEFAULT_LOG_TAIL_LINES,
    signal,
    ...benchmark
  } = options;
  const script = fileURLToPath(benchmarkChildScript);
  if (!existsSync(script)) {
    throw new Error(`the benchmark child ${script} is not built: run \`npx tsc -b libs/inference\` (or \`npm run build\`) first`);
  }
  signal?.throwIfAborted();
  const tail = new LogTail(logTailLines);
  const failed = async (error: BenchmarkError, prepared?: PreparedBenchmark): Promise<FailedBenchmark> => ({
    status: 'failed',
    error,
    executionProvider: prepared?.executionProvider ?? { requested: benchmark.executionProvider ?? 'auto', actual: null },
    hardware: await detectHardware(),
    ...(prepared && { settings: prepared.settings, loadMs: prepared.loadMs }),
    findings: prepared?.findings ?? [],
    logTail: tail.lines(),
  });
  try {
    normaliseOptions(benchmark);
    checkGuards(timeoutMs, memoryLimitMb, logTailLines);
  } catch (error) {
    if (error instanceof BenchmarkFailure) return failed({ kind: error.kind, message: error.message });
    throw error;
  }

  const child = fork(script, [], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
    serialization: 'json',
    env: childEnvironment(),
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));

  let prepared: PreparedBenchmark | undefined;
  let result: BenchmarkResult | undefined;
  let guardError: BenchmarkError | undefined;
  let spawnError: Error | undefined;
  const kill = (error?: BenchmarkError): void => {
    guardError ??= error;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(
    () => kill({ kind: 'timeout', message: `no result within ${timeoutMs} ms; the benchmark process was killed` }),
    timeoutMs,
  );
  const memoryPoll = setInterval(() => {
    if (child.pid === undefined) return;
    void residentMemoryMb(child.pid).then((rssMb) => {
      if (rssMb !== undefined && rssMb > memoryLimitMb && !result) {
        kill({ kind: 'memory_limit', message: `resident memory reached ${Math.round(rssMb)} MiB, over the ${memoryLimitMb} MiB limit` });
      }
    });
  }, MEMORY_POLL_MS);
  const abort = (): void => kill();
  signal?.addEventListener('abort', abort, { once: true });

  child.on('message', (message: ChildMessage) => {
    if (message.type === 'prepared') prepared = message.prepared;
    if (message.type === 'result') {
      result = message.result;
      setTimeout(() => kill(), EXIT_GRACE_MS).unref();
    }
  });
  child.on('error', (error) => {
    spawnError = error;
  });
  child.send({ type: 'start', modelPath: path.resolve(modelPath), options: benchmark } satisfies StartBenchmark);

  // 'close' comes after the child's output pipes drained, so the log tail is complete.
  const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('close', (code, signalName) => resolve([code, signalName]));
  });
  clearTimeout(timer);
  clearInterval(memoryPoll);
  signal?.removeEventListener('abort', abort);
  if (signal?.aborted) throw signal.reason;
  if (result) return { ...result, logTail: tail.lines() };
  if (guardError) return failed(guardError, prepared);
  return failed(crash(exitCode, exitSignal, spawnError), prepared);
}

function crash(exitCode: number | null, signal: NodeJS.Signals | null, spawnError: Error | undefined): BenchmarkError {
  if (spawnError) return { kind: 'crashed', message: `the benchmark process could not run: ${spawnError.message}` };
  if (signal) return { kind: 'crashed', message: `the benchmark process was killed by ${signal} before reporting a result`, signal };
  return {
    kind: 'crashed',
    message: `the benchmark process exited with code ${exitCode} before reporting a result`,
    ...(exitCode !== null && { exitCode }),
  };
}

function checkGuards(timeoutMs: number, memoryLimitMb: number, logTailLines: number): void {
  // Node's timers take at most 2^31 − 1 ms.
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31) || !(memoryLimitMb > 0) || !Number.isInteger(logTailLines) || logTailLines < 1) {
    throw new BenchmarkFailure(
      'invalid_options',
      'timeoutMs (up to 2^31 − 1) and memoryLimitMb must be positive, logTailLines a positive integer',
    );
  }
}
