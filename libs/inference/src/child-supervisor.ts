import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchmarkFailure } from './benchmark-failure.js';
import type { BenchmarkError } from './benchmark-types.js';
import { childEnvironment } from './child-environment.js';
import type { BenchmarkJob, ChildMessage, StartBenchmark } from './child-protocol.js';
import { benchmarkChildScript } from './child-script.js';
import { LogTail } from './log-tail.js';
import { residentMemoryMb } from './process-memory.js';

const MEMORY_POLL_MS = 100;
/** How long a child that has sent its result may take to exit. */
const EXIT_GRACE_MS = 5000;

export type ChildGuards = { timeoutMs: number; memoryLimitMb: number; logTailLines: number; signal?: AbortSignal | undefined };

/** The child's own result (its log tail replaced by the child's whole output), or why there is none. */
export type ChildOutcome<Result, Prepared> =
  { result: Result } | { error: BenchmarkError; prepared: Prepared | undefined; logTail: string[] };

/**
 * Runs one benchmark job in a child process, so a model that hangs, eats memory or crashes its runtime costs only
 * the child. The child is killed past `timeoutMs` or when its resident memory (polled from /proc, so Linux only)
 * passes `memoryLimitMb`. Throws only when the child script is not built, or with the signal's reason when aborted.
 */
export async function superviseChild<Result extends { logTail: string[] }, Prepared>(
  modelPath: string,
  job: BenchmarkJob,
  { timeoutMs, memoryLimitMb, logTailLines, signal }: ChildGuards,
): Promise<ChildOutcome<Result, Prepared>> {
  const script = fileURLToPath(benchmarkChildScript);
  if (!existsSync(script)) {
    throw new Error(`the benchmark child ${script} is not built: run \`npx tsc -b libs/inference\` (or \`npm run build\`) first`);
  }
  signal?.throwIfAborted();
  const tail = new LogTail(logTailLines);
  const child = fork(script, [], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
    serialization: 'json',
    env: childEnvironment(),
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));

  let prepared: Prepared | undefined;
  let result: Result | undefined;
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
    if (message.type === 'prepared') prepared = message.prepared as Prepared;
    if (message.type === 'result') {
      result = message.result as unknown as Result;
      setTimeout(() => kill(), EXIT_GRACE_MS).unref();
    }
  });
  child.on('error', (error) => {
    spawnError = error;
  });
  child.send({ type: 'start', modelPath: path.resolve(modelPath), job } satisfies StartBenchmark);

  // 'close' comes after the child's output pipes drained, so the log tail is complete.
  const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('close', (code, signalName) => resolve([code, signalName]));
  });
  clearTimeout(timer);
  clearInterval(memoryPoll);
  signal?.removeEventListener('abort', abort);
  if (signal?.aborted) throw signal.reason;
  if (result) return { result: { ...result, logTail: tail.lines() } };
  return { error: guardError ?? crash(exitCode, exitSignal, spawnError), prepared, logTail: tail.lines() };
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

/** The guards' own values, checked before a child is started. */
export function checkGuards({ timeoutMs, memoryLimitMb, logTailLines }: ChildGuards): void {
  // Node's timers take at most 2^31 − 1 ms.
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31) || !(memoryLimitMb > 0) || !Number.isInteger(logTailLines) || logTailLines < 1) {
    throw new BenchmarkFailure(
      'invalid_options',
      'timeoutMs (up to 2^31 − 1) and memoryLimitMb must be positive, logTailLines a positive integer',
    );
  }
}
