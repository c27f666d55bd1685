import type { QueryKey } from '@tanstack/react-query';
import type { DomainEvent, EventType } from '../api/api-types';

/** Events that change what the review queue lists or the evidence it shows. */
const QUEUE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'version.submitted',
  'version.scanned',
  'version.benchmarked',
  'version.approved',
  'version.rejected',
  'import.succeeded',
]);

/** Everything a page shows of one version, by the query keys the pages use. */
const VERSION_QUERIES = ['version', 'files', 'scan', 'history', 'reviews', 'benchmarks'] as const;

/**
 * The queries the events make stale, each once: react-query refetches those a page shows and marks the
 * others stale, so a listener needs no knowledge of which page is open.
 */
export function queriesToRefresh(events: readonly DomainEvent[]): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  for (const key of events.flatMap(keysOf)) keys.set(JSON.stringify(key), key);
  return [...keys.values()];
}

function keysOf(event: DomainEvent): QueryKey[] {
  const queue: QueryKey[] = QUEUE_EVENTS.has(event.type) ? [['review-queue']] : [];
  const payload = event.payload;
  switch (event.type) {
    case 'model.created':
      return [['models']];
    case 'import.failed':
      return [['imports'], ...importKeys(payload)];
    case 'import.succeeded':
      return [['imports'], ...importKeys(payload), ...versionKeys(payload), ...queue];
    case 'version.benchmarked': {
      const runId = text(payload.runId);
      return [...versionKeys(payload), ...(runId ? [['benchmark', runId]] : []), ...queue];
    }
    case 'version.submitted':
    case 'version.scanned':
    case 'version.approved':
    case 'version.rejected':
    case 'version.deprecated':
    case 'version.revoked':
      return [...versionKeys(payload), ...queue];
    default:
      return []; // a type newer than this page: nothing it shows depends on it
  }
}

function importKeys(payload: Record<string, unknown>): QueryKey[] {
  const importId = text(payload.importId);
  return importId ? [['import', importId]] : [];
}

/** The model's pages and lists, and every query of the version the event is about. */
function versionKeys(payload: Record<string, unknown>): QueryKey[] {
  const [namespace, name] = text(payload.model)?.split('/') ?? [];
  const version = text(payload.version);
  if (!namespace || !name || !version) return [['models']];
  return [
    ['models'],
    ['model', namespace, name],
    ['versions', namespace, name],
    ...VERSION_QUERIES.map((query) => [query, namespace, name, version]),
  ];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
