import type { Logger } from '@nestjs/common';

/** Runs `sweep` now and every `everyMs` (a failed sweep is logged; the next one tries again); returns how to stop. */
export function sweepEvery(everyMs: number, sweep: () => Promise<void>, logger: Logger): () => void {
  const run = () => void sweep().catch((error: unknown) => logger.warn(`sweep: ${String(error)}`));
  run();
  const timer = setInterval(run, everyMs);
  return () => clearInterval(timer);
}
