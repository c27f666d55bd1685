// Entry of the process `runBenchmark` forks: one benchmark, reported over IPC, then exit.
import { runBenchmarkInProcess } from './benchmark-core.js';
import type { ChildMessage, StartBenchmark } from './child-protocol.js';

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
process.once('message', (message: StartBenchmark) => {
  void (async () => {
    const result = await runBenchmarkInProcess(message.modelPath, message.options, {
      log: (line) => process.stderr.write(`${line}\n`),
      onPrepared: (prepared) => send({ type: 'prepared', prepared }),
    });
    await send({ type: 'result', result });
    process.exit(0);
  })();
});
