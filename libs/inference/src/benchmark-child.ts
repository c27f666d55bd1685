// Entry of the process `superviseChild` forks: one benchmark, reported over IPC, then exit.
import { runBenchmarkInProcess } from './benchmark-core.js';
import type { ChildMessage, StartBenchmark } from './child-protocol.js';
import { runGgufBenchmarkInProcess } from './gguf/gguf-benchmark-core.js';

const send = (message: ChildMessage): Promise<void> =>
  new Promise((resolve, reject) => {
    process.send?.(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
  });

if (!process.send) {
  process.stderr.write('benchmark-child runs under runBenchmark (it needs an IPC channel)\n');
  process.exit(2);
}
// Orphaned by a dead parent: nobody is left to read the result.
process.on('disconnect', () => process.exit(1));
process.once('message', ({ modelPath, job }: StartBenchmark) => {
  void (async () => {
    const hooks = {
      log: (line: string) => process.stderr.write(`${line}\n`),
      onPrepared: (prepared: Extract<ChildMessage, { type: 'prepared' }>['prepared']) => send({ type: 'prepared', prepared }),
    };
    const result =
      job.format === 'gguf'
        ? await runGgufBenchmarkInProcess(modelPath, job.options, hooks)
        : await runBenchmarkInProcess(modelPath, job.options, hooks);
    await send({ type: 'result', result });
    process.exit(0);
  })();
});
