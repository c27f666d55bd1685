import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFailureKind } from '../src/imports/import-failure.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

describe('the kind of an import failure', () => {
  it.each([
    ['hub-org/x does not exist on the Hub', 'not_found'],
    ['hub-org/x has no revision v9', 'not_found'],
    ['The Hub answered 404 for /hub-org/x/resolve/abc/model.safetensors', 'not_found'],
    ['hub-org/x is gated: set HF_TOKEN to a token with access', 'gated'],
    ['hub-org/x needs authorisation: set HF_TOKEN to a token with access', 'unauthorized'],
    [`model.safetensors: its sha256 is ${'a'.repeat(64)}, the Hub lists ${'b'.repeat(64)}`, 'checksum'],
    ['The Hub could not be reached: fetch failed', 'network'],
    ['model.safetensors: download failed 3 times (socket hang up)', 'network'],
    ['The Hub answered 503 for hub-org/x@main', 'network'],
    ['hub-org/x@abc has no files to import with these include/exclude patterns', 'empty'],
    ['big.bin is larger than VETTED_MAX_FILE_BYTES', 'too_large'],
    ['The Hub lists an unsafe path "../x": must not contain ".."', 'unsafe_path'],
    ['Version 1.0 of hub-org/x already exists', 'conflict'],
    ['Unexpected error: boom', 'unexpected'],
  ] as const)('%s → %s', (error, kind) => {
    expect(importFailureKind({ status: 'failed', error })).toBe(kind);
  });

  it('is cancelled for a cancelled import and null for one that has not ended badly', () => {
    expect(importFailureKind({ status: 'cancelled', error: null })).toBe('cancelled');
    for (const status of ['queued', 'running', 'succeeded'] as const) expect(importFailureKind({ status, error: null })).toBeNull();
  });
});

describe('imports over the API: failure kinds and removal', () => {
  let api: ApiHarness;
  let publisher: string;
  let otherPublisher: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    publisher = await api.keyFor('publisher', 'starter');
    otherPublisher = await api.keyFor('publisher', 'someone else');
  });
  afterAll(() => api?.close());

  /** An import as the worker leaves it: the API runs no worker here. */
  async function importEndedAs(status: 'failed' | 'cancelled' | 'succeeded' | 'running', error: string | null): Promise<string> {
    const created = await api.request('POST', '/v1/imports', { key: publisher, body: { repo: 'hub-org/sentiment-bert' } });
    expect(created.status).toBe(202);
    await api.sql(`UPDATE import_jobs SET status = $2, error = $3 WHERE id = $1`, [created.body.id, status, error]);
    return created.body.id as string;
  }

  it('answers the kind with the message', async () => {
    const id = await importEndedAs('failed', 'hub-org/sentiment-bert is gated: set HF_TOKEN to a token with access');
    const reply = await api.request('GET', `/v1/imports/${id}`, { key: publisher });
    expect(reply.body).toMatchObject({ status: 'failed', errorKind: 'gated', error: expect.stringContaining('is gated') });
    const running = await importEndedAs('running', null);
    expect((await api.request('GET', `/v1/imports/${running}`, { key: publisher })).body.errorKind).toBeNull();
  });

  it('removes a failed or cancelled import for its starter or an admin, and keeps an audit entry', async () => {
    const failed = await importEndedAs('failed', 'The Hub could not be reached: fetch failed');
    const refused = await api.request('DELETE', `/v1/imports/${failed}`, { key: otherPublisher });
    expect([refused.status, refused.body.code]).toEqual([403, 'not_import_owner']);
    expect((await api.request('DELETE', `/v1/imports/${failed}`, { key: publisher })).status).toBe(204);
    expect((await api.request('GET', `/v1/imports/${failed}`, { key: publisher })).status).toBe(404);
    expect((await api.request('DELETE', `/v1/imports/${failed}`, { key: publisher })).status).toBe(404);
    const audit = await api.request('GET', `/v1/audit?subjectType=import&subjectId=${failed}&action=import.removed`, { key: ADMIN_TOKEN });
    expect(audit.body.items).toHaveLength(1);

    const cancelled = await importEndedAs('cancelled', null);
    expect((await api.request('DELETE', `/v1/imports/${cancelled}`, { key: ADMIN_TOKEN })).status).toBe(204);
  });

  it('keeps imports that run or succeeded', async () => {
    for (const status of ['running', 'succeeded'] as const) {
      const id = await importEndedAs(status, null);
      const reply = await api.request('DELETE', `/v1/imports/${id}`, { key: publisher });
      expect([reply.status, reply.body.code]).toEqual([409, 'import_not_removable']);
      expect((await api.request('GET', `/v1/imports/${id}`, { key: publisher })).status).toBe(200);
    }
  });

  it('documents the removal and the kind in the OpenAPI document', async () => {
    const document = (await api.request('GET', '/openapi.json')).body;
    expect(document.paths['/v1/imports/{id}'].delete.responses).toHaveProperty('204');
    expect(JSON.stringify(document.paths['/v1/imports/{id}'].get)).toContain('errorKind');
  });
});
