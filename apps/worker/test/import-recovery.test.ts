import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../../api/test/api-harness.js';
import { startTestHub, type TestHub } from '../../../test/hub-server.js';
import { createWorker } from '../src/worker.js';

const commit = (seed: string): string => createHash('sha1').update(seed).digest('hex');

let api: ApiHarness;
let hub: TestHub;
let worker: INestApplicationContext;
let publisher: string;

beforeAll(async () => {
  hub = await startTestHub();
  api = await ApiHarness.start({ hubUrl: hub.url });
  worker = await createWorker({ ...api.config, logLevel: 'error' });
  publisher = await api.keyFor('publisher', 'Ines Importer');
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  await hub?.close();
});

/**
 * What a worker killed mid-import leaves behind: the job still `running`, and the draft it was filling
 * (written straight into the database, as no worker runs this import).
 */
async function killedImport(repo: string, sha: string, label: string): Promise<string> {
  const [model] = await api.sql<{ id: string }>(
    `INSERT INTO models (namespace, name, source, created_by, updated_at) VALUES ('killed', $1, $2, 'system', now())
     ON CONFLICT (namespace, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [repo.split('/')[1], `huggingface:${repo}`],
  );
  const [job] = await api.sql<{ id: string; created_by: string }>(
    `INSERT INTO import_jobs (repo, revision, commit_sha, namespace, name, label, status, created_by, updated_at)
     SELECT $1, 'main', $2, 'killed', $3, $4, 'running', 'key:' || id, now() FROM api_keys WHERE name = 'Ines Importer' RETURNING id`,
    [repo, sha, repo.split('/')[1], label],
  );
  const [version] = await api.sql<{ id: string }>(
    `INSERT INTO model_versions (model_id, label, created_by, updated_at) VALUES ($1, $2, $3, now()) RETURNING id`,
    [model!.id, label, `import:${job!.id}`],
  );
  await api.sql(`UPDATE import_jobs SET version_id = $1 WHERE id = $2`, [version!.id, job!.id]);
  return job!.id;
}

async function finished(id: string): Promise<{ status: string; error: string | null; versionId?: string }> {
  await expect
    .poll(async () => (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body.status, { timeout: 20_000, interval: 100 })
    .toMatch(/^(succeeded|failed|cancelled)$/);
  return (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body;
}

const files = { 'config.json': Buffer.from('{"model_type":"bert"}'), 'README.md': Buffer.from('# small\n') };

describe('an import whose worker was killed', () => {
  it('does not block importing the repo again once cancelled: the same commit resumes into its draft', async () => {
    const sha = commit('resumed');
    hub.repos.set('org/resumed', { sha, files });
    const dead = await killedImport('org/resumed', sha, 'v1');
    // While the dead job still counts as running, a second import of the same label is refused.
    const early = await api.request('POST', '/v1/imports', {
      key: publisher,
      body: { repo: 'org/resumed', namespace: 'killed', version: 'v1' },
    });
    expect((await finished(early.body.id as string)).error).toContain('already exists');

    expect((await api.request('POST', `/v1/imports/${dead}/cancel`, { key: publisher })).status).toBe(200);
    const retry = await api.request('POST', '/v1/imports', {
      key: publisher,
      body: { repo: 'org/resumed', namespace: 'killed', version: 'v1' },
    });
    const done = await finished(retry.body.id as string);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const version = await api.request('GET', '/v1/models/killed/resumed/versions/v1', { key: publisher });
    expect(version.body).toMatchObject({ status: 'pending_review', createdBy: `import:${retry.body.id}` });
    // One event each, naming the person who started the import.
    const events = await api.sql<{ type: string; actor_name: string; subject_id: string }>(
      `SELECT type, actor_name, subject_id FROM domain_events WHERE type LIKE 'import.%' AND payload->>'repo' = 'org/resumed' ORDER BY seq`,
    );
    expect(events).toEqual([
      { type: 'import.failed', actor_name: 'Ines Importer', subject_id: early.body.id },
      { type: 'import.succeeded', actor_name: 'Ines Importer', subject_id: 'killed/resumed@v1' },
    ]);
  });

  it('removes the draft of a cancelled import when the repo moved to another commit', async () => {
    hub.repos.set('org/moved', { sha: commit('moved-new'), files });
    const dead = await killedImport('org/moved', commit('moved-old'), 'v1');
    const [stale] = await api.sql<{ id: string }>(`SELECT version_id AS id FROM import_jobs WHERE id = $1`, [dead]);
    expect((await api.request('POST', `/v1/imports/${dead}/cancel`, { key: publisher })).status).toBe(200);
    const retry = await api.request('POST', '/v1/imports', {
      key: publisher,
      body: { repo: 'org/moved', namespace: 'killed', version: 'v1' },
    });
    expect((await finished(retry.body.id as string)).status).toBe('succeeded');
    expect(await api.sql(`SELECT 1 FROM model_versions WHERE id = $1`, [stale!.id])).toHaveLength(0);
    const [version] = await api.sql<{ commit_sha: string }>(
      `SELECT v.commit_sha FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'moved' AND v.label = 'v1'`,
    );
    expect(version!.commit_sha).toBe(commit('moved-new'));
  });

  it('lets the person who started it delete the abandoned draft, and nobody else but an admin', async () => {
    const dead = await killedImport('org/deleted', commit('deleted'), 'v1');
    const other = await api.keyFor('publisher', 'Someone Else');
    const busy = await api.request('DELETE', '/v1/models/killed/deleted/versions/v1', { key: publisher });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('import_in_progress');
    expect((await api.request('POST', `/v1/imports/${dead}/cancel`, { key: publisher })).status).toBe(200);
    const refused = await api.request('DELETE', '/v1/models/killed/deleted/versions/v1', { key: other });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('Ines Importer');
    expect((await api.request('DELETE', '/v1/models/killed/deleted/versions/v1', { key: publisher })).status).toBe(204);
  });
});
