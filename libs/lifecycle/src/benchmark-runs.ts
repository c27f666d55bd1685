import type { BenchmarkRun, Prisma, ScanStatus } from '@vetted/db';

/** Files the worker may load: a scan that found something critical, or could not finish, keeps a file off it. */
export const UNSAFE_SCAN_STATUSES: readonly ScanStatus[] = ['critical', 'error'];

export interface NewBenchmarkRun {
  versionId: string;
  file: string;
  /** `auto` for the run a scan queues, else the actor who asked. */
  requestedBy: string;
  settings: Prisma.InputJsonValue;
}

/**
 * Creates a benchmark run and hands it to the queue in the same transaction (a rolled-back write queues
 * nothing), for the API's requests and the worker's automatic runs alike.
 */
export async function createBenchmarkRun(
  tx: Prisma.TransactionClient,
  run: NewBenchmarkRun,
  enqueue: (runId: string) => Promise<unknown>,
): Promise<BenchmarkRun> {
  const created = await tx.benchmarkRun.create({ data: run });
  await enqueue(created.id);
  return created;
}
