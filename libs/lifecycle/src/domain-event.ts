import { z } from 'zod';

/** Everything Vetted tells the world about, by name. */
export const EVENT_TYPES = [
  'model.created',
  'version.submitted',
  'version.scanned',
  'version.benchmarked',
  'version.approved',
  'version.rejected',
  'version.deprecated',
  'version.revoked',
  'import.succeeded',
  'import.failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who did it: the actor id as audit rows record it, and the name people know it by. */
export interface EventActor {
  actor: string;
  actorName: string;
}

/** A version's address in events: `namespace/name@version`, and the namespace alone for filters. */
export interface VersionSubject {
  namespace: string;
  name: string;
  version: string;
}

const counts = z.record(z.string(), z.number().int());

/**
 * The small payload of each event type: what a receiver acts on, never secrets or signed URLs. One schema
 * per type, used by the writer (checked before it is stored) and by readers.
 */
export const EVENT_PAYLOADS = {
  'model.created': z.object({ model: z.string(), source: z.string() }),
  'version.submitted': z.object({ model: z.string(), version: z.string(), commitSha: z.string().nullable(), files: z.number().int() }),
  'version.scanned': z.object({
    model: z.string(),
    version: z.string(),
    statuses: counts.describe('Files per scan status'),
    findings: counts.describe('Findings per severity'),
  }),
  'version.benchmarked': z.object({
    model: z.string(),
    version: z.string(),
    runId: z.string(),
    file: z.string(),
    status: z.enum(['succeeded', 'failed', 'cancelled']),
    executionProvider: z.string().nullable(),
    hardware: z.string().nullable(),
    p50Ms: z.number().nullable(),
    tokensPerSecond: z.number().nullable().describe('GGUF runs: generation tokens per second'),
  }),
  'version.approved': z.object({ model: z.string(), version: z.string(), commitSha: z.string().nullable(), comment: z.string() }),
  'version.rejected': z.object({ model: z.string(), version: z.string(), commitSha: z.string().nullable(), comment: z.string() }),
  'version.deprecated': z.object({ model: z.string(), version: z.string(), reason: z.string() }),
  'version.revoked': z.object({ model: z.string(), version: z.string(), reason: z.string() }),
  'import.succeeded': z.object({ importId: z.string(), repo: z.string(), commitSha: z.string(), model: z.string(), version: z.string() }),
  'import.failed': z.object({ importId: z.string(), repo: z.string(), error: z.string() }),
} satisfies Record<EventType, z.ZodType>;

export type EventPayload<T extends EventType> = z.output<(typeof EVENT_PAYLOADS)[T]>;

export type NewDomainEvent = {
  [T in EventType]: EventActor & {
    type: T;
    subjectType: 'model' | 'model_version' | 'import';
    subjectId: string;
    namespace: string | null;
    payload: EventPayload<T>;
  };
}[EventType];

export const versionSubjectId = (subject: VersionSubject): string => `${subject.namespace}/${subject.name}@${subject.version}`;
