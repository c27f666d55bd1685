import { z } from 'zod';

export const historyEvent = z.object({
  at: z.string(),
  action: z
    .string()
    .describe(
      'version.created, file.uploaded, file.deleted, version.submitted, import.succeeded, version.scanned, version.rescan_requested, benchmark.requested, benchmark.succeeded|failed|cancelled, version.approved|rejected, version.deprecated|revoked',
    ),
  actor: z.string(),
  actorName: z.string().describe("The key's name (or worker, automatic, import …)"),
  actorRole: z.string().nullable(),
  path: z.string().nullable().describe('The file, for file events'),
  comment: z.string().nullable().describe('The review comment, or the deprecate/revoke reason'),
  data: z.record(z.string(), z.unknown()).describe('What the event recorded (digests, counts, commit sha, run id, error…)'),
});
export type HistoryEvent = z.output<typeof historyEvent>;
