import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventType } from '../src/api/api-types';
import { queriesToRefresh } from '../src/live/queries-to-refresh';

const event = (type: EventType, payload: Record<string, unknown>): DomainEvent => ({
  id: `${type}-id`,
  seq: '1',
  type,
  at: '2026-01-01T00:00:00.000Z',
  actor: { id: 'key:1', name: 'Paula' },
  subject: { type: 'model_version', id: 'acme/bert@1.0' },
  namespace: 'acme',
  payload,
});

const versionQueries = [
  ['models'],
  ['model', 'acme', 'bert'],
  ['versions', 'acme', 'bert'],
  ['version', 'acme', 'bert', '1.0'],
  ['files', 'acme', 'bert', '1.0'],
  ['scan', 'acme', 'bert', '1.0'],
  ['history', 'acme', 'bert', '1.0'],
  ['reviews', 'acme', 'bert', '1.0'],
  ['benchmarks', 'acme', 'bert', '1.0'],
];

describe('queries to refresh on events', () => {
  it('refreshes the review queue and the version on what changes the queue', () => {
    for (const type of ['version.submitted', 'version.scanned', 'version.approved', 'version.rejected'] as const) {
      expect(queriesToRefresh([event(type, { model: 'acme/bert', version: '1.0' })]), type).toEqual([...versionQueries, ['review-queue']]);
    }
  });

  it('refreshes the version, not the queue, when an approved version is deprecated or revoked', () => {
    expect(queriesToRefresh([event('version.revoked', { model: 'acme/bert', version: '1.0', reason: 'no' })])).toEqual(versionQueries);
  });

  it('refreshes the run of a benchmark event', () => {
    const keys = queriesToRefresh([event('version.benchmarked', { model: 'acme/bert', version: '1.0', runId: 'run-1' })]);
    expect(keys).toContainEqual(['benchmark', 'run-1']);
    expect(keys).toContainEqual(['benchmarks', 'acme', 'bert', '1.0']);
    expect(keys).toContainEqual(['review-queue']);
  });

  it('refreshes the imports, the import and what a successful one created', () => {
    expect(queriesToRefresh([event('import.failed', { importId: 'imp-1', repo: 'org/x', error: 'gone' })])).toEqual([
      ['imports'],
      ['import', 'imp-1'],
    ]);
    const succeeded = queriesToRefresh([event('import.succeeded', { importId: 'imp-2', model: 'acme/bert', version: '1.0' })]);
    expect(succeeded).toEqual([['imports'], ['import', 'imp-2'], ...versionQueries, ['review-queue']]);
  });

  it('refreshes the catalog on a new model', () => {
    expect(queriesToRefresh([event('model.created', { model: 'acme/bert', source: 'api' })])).toEqual([['models']]);
  });

  it('names each query once for a burst of events, as after a reconnect', () => {
    const burst = [
      event('version.submitted', { model: 'acme/bert', version: '1.0' }),
      event('version.scanned', { model: 'acme/bert', version: '1.0' }),
    ];
    expect(queriesToRefresh(burst)).toEqual([...versionQueries, ['review-queue']]);
  });

  it('makes do with a payload it cannot read, and ignores types it does not know', () => {
    expect(queriesToRefresh([event('version.approved', { model: 42 })])).toEqual([['models'], ['review-queue']]);
    expect(queriesToRefresh([event('model.exploded' as EventType, {})])).toEqual([]);
  });
});
