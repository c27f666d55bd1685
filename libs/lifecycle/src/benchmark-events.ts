import type { Prisma } from '@vetted/db';
import type { EventActor } from './domain-event.js';
import { versionSubjectId } from './domain-event.js';
import { recordEvent } from './event.repository.js';

const FINISHED = ['succeeded', 'failed', 'cancelled'] as const;

/**
 * `version.benchmarked` for a run that just finished (succeeded, failed or cancelled), written in the
 * transaction that finished it. A run that is not finished publishes nothing.
 */
export async function recordBenchmarkFinished(tx: Prisma.TransactionClient, runId: string, actor: EventActor): Promise<void> {
  const run = await tx.benchmarkRun.findUnique({
    where: { id: runId },
    include: { version: { select: { label: true, model: { select: { namespace: true, name: true } } } } },
  });
  const status = FINISHED.find((finished) => finished === run?.status);
  if (!run || !status) return;
  const subject = { namespace: run.version.model.namespace, name: run.version.model.name, version: run.version.label };
  await recordEvent(tx, {
    type: 'version.benchmarked',
    ...actor,
    subjectType: 'model_version',
    subjectId: versionSubjectId(subject),
    namespace: subject.namespace,
    payload: {
      model: `${subject.namespace}/${subject.name}`,
      version: subject.version,
      runId: run.id,
      file: run.file,
      status,
      executionProvider: run.executionProvider,
      hardware: run.hardware,
      p50Ms: run.p50Ms,
      tokensPerSecond: run.tokensPerSecond,
    },
  });
}
