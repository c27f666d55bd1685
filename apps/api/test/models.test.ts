import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let viewer: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
});
afterAll(() => api.close());

const createModel = (body: Record<string, unknown>, key = publisher) => api.request('POST', '/v1/models', { key, body });

/** Approval arrives with the review issue; until then tests set the state the way it will. */
async function approve(namespace: string, name: string, label = '1.0'): Promise<void> {
  expect((await api.request('POST', `/v1/models/${namespace}/${name}/versions`, { key: publisher, body: { version: label } })).status).toBe(
    201,
  );
  await api.sql(
    `UPDATE model_versions SET status = 'approved' WHERE label = $1 AND model_id = (SELECT id FROM models WHERE namespace = $2 AND name = $3)`,
    [label, namespace, name],
  );
}

describe('creating models', () => {
  it('returns the model, records an audit event and queues the model.created job in the same transaction', async () => {
    const reply = await createModel({
      namespace: 'meta-llama',
      name: 'Llama-3.1-8B-Instruct',
      displayName: 'Llama 3.1 8B Instruct',
      description: 'Instruction-tuned 8B model',
      task: 'text-generation',
      library: 'transformers',
      tags: ['llama', 'conversational', 'llama'],
      license: 'llama3.1',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      namespace: 'meta-llama',
      name: 'Llama-3.1-8B-Instruct',
      displayName: 'Llama 3.1 8B Instruct',
      task: 'text-generation',
      library: 'transformers',
      license: 'llama3.1',
      tags: ['llama', 'conversational'],
      source: 'upload',
      status: 'active',
      latestApprovedVersion: null,
    });
    expect(new Date(reply.body.createdAt).toISOString()).toBe(reply.body.createdAt);

    const [audit] = await api.sql(`SELECT action, subject_id FROM audit_events WHERE action = 'model.created'`);
    expect(audit).toEqual({ action: 'model.created', subject_id: 'meta-llama/Llama-3.1-8B-Instruct' });
    const jobs = await api.sql(`SELECT data FROM pgboss.job WHERE name = 'model.created'`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({ actor: expect.stringMatching(/^key:/) });
  });

  it('refuses a duplicate namespace/name with 409', async () => {
    expect((await createModel({ namespace: 'dup', name: 'model' })).status).toBe(201);
    const again = await createModel({ namespace: 'dup', name: 'model', description: 'other' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'model_exists', status: 409 });
  });

  it.each([
    [{ namespace: 'a--b', name: 'ok' }, 'namespace'],
    [{ namespace: 'ok', name: '../etc' }, 'name'],
    [{ namespace: 'ok', name: 'x'.repeat(97) }, 'name'],
    [{ namespace: 'ok', name: '-start' }, 'name'],
    [{ namespace: 'ok', name: 'ok', tags: ['has space'] }, 'tags.0'],
    [{ namespace: 'ok', name: 'ok', task: 'Text Generation' }, 'task'],
    [{ namespace: 'ok', name: 'ok', surprise: true }, 'body'],
    [{ name: 'ok' }, 'namespace'],
  ])('rejects %j naming the field %s', async (body, field) => {
    const reply = await createModel(body);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a license the catalog does not know, leaving nothing behind', async () => {
    const reply = await createModel({ namespace: 'lic', name: 'unknown', license: 'made-up-1.0' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'unknown_license', errors: [{ field: 'license' }] });
    expect(await api.sql(`SELECT 1 FROM models WHERE namespace = 'lic'`)).toHaveLength(0);
    expect(
      await api.sql(
        `SELECT 1 FROM pgboss.job WHERE data->>'modelId' IS NOT NULL AND name = 'model.created' AND data->>'modelId' NOT IN (SELECT id::text FROM models)`,
      ),
    ).toHaveLength(0);
  });
});

describe('reading, updating and archiving', () => {
  beforeAll(async () => {
    await createModel({ namespace: 'acme', name: 'editable', description: 'before', tags: ['a'] });
  });

  it('gets a model by namespace/name, 404 for an unknown one', async () => {
    expect((await api.request('GET', '/v1/models/acme/editable', { key: publisher })).body.description).toBe('before');
    const missing = await api.request('GET', '/v1/models/acme/nothing-here', { key: publisher });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('model_not_found');
  });

  it('updates the given fields only and audits the change', async () => {
    const reply = await api.request('PATCH', '/v1/models/acme/editable', {
      key: publisher,
      body: { description: 'after', tags: ['b', 'c'], license: 'apache-2.0', displayName: null },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ description: 'after', tags: ['b', 'c'], license: 'apache-2.0', displayName: null });
    expect(new Date(reply.body.updatedAt) > new Date(reply.body.createdAt)).toBe(true);
    const audit = await api.sql(`SELECT data FROM audit_events WHERE action = 'model.updated' AND subject_id = 'acme/editable'`);
    expect(audit[0]!.data).toEqual({
      before: { description: 'before', tags: ['a'], licenseId: null, displayName: null },
      after: { description: 'after', tags: ['b', 'c'], licenseId: 'apache-2.0', displayName: null },
    });
  });

  it('rejects an empty or read-only update', async () => {
    expect((await api.request('PATCH', '/v1/models/acme/editable', { key: publisher, body: {} })).status).toBe(400);
    const rename = await api.request('PATCH', '/v1/models/acme/editable', { key: publisher, body: { name: 'renamed' } });
    expect(rename.status).toBe(400);
    expect((await api.request('PATCH', '/v1/models/acme/ghost', { key: publisher, body: { description: 'x' } })).status).toBe(404);
  });

  it('archives: hidden from the default list, listed with status=archived, still readable, no new versions', async () => {
    const archived = await api.request('POST', '/v1/models/acme/editable/archive', { key: publisher });
    expect(archived.status).toBe(201);
    expect(archived.body.status).toBe('archived');
    const active = await api.request('GET', '/v1/models?limit=100', { key: publisher });
    expect(active.body.items.map((m: { id: string }) => m.id)).not.toContain('acme/editable');
    const listed = await api.request('GET', '/v1/models?status=archived', { key: publisher });
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual(['acme/editable']);
    expect((await api.request('GET', '/v1/models/acme/editable', { key: publisher })).status).toBe(200);
    const version = await api.request('POST', '/v1/models/acme/editable/versions', { key: publisher, body: { version: '1' } });
    expect(version.status).toBe(409);
    expect(version.body.code).toBe('model_archived');

    expect((await api.request('POST', '/v1/models/acme/editable/unarchive', { key: publisher })).body.status).toBe('active');
    const actions = await api.sql(`SELECT action FROM audit_events WHERE subject_id = 'acme/editable' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['model.created', 'model.updated', 'model.archived', 'model.unarchived']);
  });
});

describe('listing and search', () => {
  beforeAll(async () => {
    const fixtures = [
      {
        namespace: 'search',
        name: 'mistral-7b',
        description: 'A fast French model',
        task: 'text-generation',
        tags: ['mistral'],
        license: 'apache-2.0',
      },
      {
        namespace: 'search',
        name: 'whisper-small',
        description: 'Speech recognition',
        task: 'automatic-speech-recognition',
        tags: ['audio'],
        license: 'mit',
      },
      {
        namespace: 'search',
        name: 'stable-diffusion-xl',
        description: 'Images from text prompts',
        task: 'text-to-image',
        tags: ['diffusers', 'art'],
        license: 'openrail++',
      },
      {
        namespace: 'search',
        name: 'gemma-2b',
        description: 'Small open model',
        task: 'text-generation',
        tags: ['gemma'],
        license: 'gemma',
      },
    ];
    for (const body of fixtures) expect((await createModel(body)).status).toBe(201);
  });

  /** Ids of the models this block created that the query returns, in the order returned. */
  const ids = async (query: string, key = publisher): Promise<string[]> => {
    const reply = await api.request('GET', `/v1/models?${query}`, { key });
    expect(reply.status).toBe(200);
    return reply.body.items.map((m: { id: string }) => m.id).filter((id: string) => id.startsWith('search/'));
  };

  it('searches names, descriptions and tags by word prefix', async () => {
    expect(await ids('q=mistr')).toEqual(['search/mistral-7b']);
    expect(await ids('q=speech')).toEqual(['search/whisper-small']);
    expect(await ids('q=art')).toEqual(['search/stable-diffusion-xl']);
    expect(await ids('q=small%20open')).toEqual(['search/gemma-2b']);
    expect(await ids('q=nothing-matches-this')).toEqual([]);
  });

  it('treats search text as words, never as query syntax', async () => {
    expect(await ids(`q=${encodeURIComponent("mistral & !') | (:*")}`)).toEqual(['search/mistral-7b']);
    expect(await ids(`q=${encodeURIComponent('&|!():*')}`)).toEqual(expect.arrayContaining(['search/mistral-7b', 'search/gemma-2b']));
  });

  it('filters by license, task and tag, combined with search', async () => {
    expect(await ids('license=mit')).toEqual(['search/whisper-small']);
    expect((await ids('task=text-generation')).sort()).toEqual(['search/gemma-2b', 'search/mistral-7b']);
    expect(await ids('tag=diffusers')).toEqual(['search/stable-diffusion-xl']);
    expect(await ids('task=text-generation&q=gemma')).toEqual(['search/gemma-2b']);
    expect(await ids('task=text-generation&license=mit')).toEqual([]);
  });

  it('filters by file format', async () => {
    await approve('search', 'gemma-2b');
    const sha = 'a'.repeat(64);
    await api.sql(`INSERT INTO blobs (sha256, size, storage_key) VALUES ($1, 10, $2)`, [sha, `blobs/${sha}`]);
    await api.sql(
      `INSERT INTO model_files (version_id, path, size, sha256, format)
       SELECT v.id, 'model.gguf', 10, $1, 'gguf' FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'gemma-2b'`,
      [sha],
    );
    expect(await ids('format=gguf')).toEqual(['search/gemma-2b']);
    expect(await ids('format=onnx')).toEqual([]);
  });

  it('filters by commercial-use verdict and parameter range, sorts by name and size, and shows the facts per row', async () => {
    const setParameters = (name: string, label: string, parameters: number) =>
      api.sql(
        `INSERT INTO model_versions (model_id, label, parameters, created_by, updated_at)
         SELECT id, $2, $3, 'test', now() FROM models WHERE namespace = 'search' AND name = $1`,
        [name, label, parameters],
      );
    await setParameters('mistral-7b', 'p1', 7_241_732_096);
    await setParameters('whisper-small', 'p1', 241_734_912);
    await setParameters('stable-diffusion-xl', 'p1', 3_500_000_000);
    await api.request('PATCH', '/v1/models/search/whisper-small', { key: publisher, body: { license: 'cc-by-nc-4.0' } });
    expect(await ids('commercial=no')).toEqual(['search/whisper-small']);
    expect(await ids('commercial=yes&sort=name')).toEqual(['search/gemma-2b', 'search/mistral-7b', 'search/stable-diffusion-xl']);
    expect(await ids('minParameters=1000000000&sort=size')).toEqual(['search/mistral-7b', 'search/stable-diffusion-xl']);
    expect(await ids('maxParameters=1000000000')).toEqual(['search/whisper-small']);
    expect(await ids('sort=name')).toEqual(['search/gemma-2b', 'search/mistral-7b', 'search/stable-diffusion-xl', 'search/whisper-small']);
    // Unscanned models come last by size.
    expect((await ids('sort=size')).at(-1)).toBe('search/gemma-2b');
    const row = (await api.request('GET', '/v1/models?q=mistral', { key: publisher })).body.items[0];
    expect(row).toMatchObject({
      id: 'search/mistral-7b',
      parameters: 7_241_732_096,
      commercialUse: 'yes',
      formats: [],
      bestLatencyMs: null,
    });
  });

  it.each(['name', 'size'])('pages through everything sorted by %s without gaps or repeats', async (sort) => {
    const all = (await api.request('GET', `/v1/models?limit=100&sort=${sort}`, { key: publisher })).body.items.map(
      (m: { id: string }) => m.id,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.request('GET', `/v1/models?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`, { key: publisher });
      seen.push(...reply.body.items.map((m: { id: string }) => m.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('pages through everything newest first, without gaps or repeats', async () => {
    const all = (await api.request('GET', '/v1/models?limit=100', { key: publisher })).body.items.map((m: { id: string }) => m.id);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.request('GET', `/v1/models?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { key: publisher });
      expect(reply.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...reply.body.items.map((m: { id: string }) => m.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const created = (await api.request('GET', '/v1/models?limit=100', { key: publisher })).body.items.map(
      (m: { createdAt: string }) => m.createdAt,
    );
    expect([...created].sort().reverse()).toEqual(created);
  });

  it.each([
    'limit=0',
    'limit=101',
    'limit=ten',
    'cursor=bogus',
    'status=deleted',
    'sort=size&cursor=bogus',
    'sort=popular',
    `sort=size&cursor=${Buffer.from('null').toString('base64url')}`,
    `sort=size&cursor=${Buffer.from('{"s":"size","p":"99999999999999999999","i":"00000000-0000-0000-0000-000000000000"}').toString('base64url')}`,
  ])('rejects %s with 400', async (query) => {
    const reply = await api.request('GET', `/v1/models?${query}`, { key: publisher });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.length).toBeGreaterThan(0);
  });

  it('shows viewers only models with an approved version', async () => {
    await approve('search', 'mistral-7b');
    const visible = await ids('limit=100', viewer);
    expect(visible.sort()).toEqual(['search/gemma-2b', 'search/mistral-7b']);
    const model = await api.request('GET', '/v1/models/search/mistral-7b', { key: viewer });
    expect(model.body.latestApprovedVersion).toBe('1.0');
    expect((await api.request('GET', '/v1/models/search/whisper-small', { key: viewer })).status).toBe(404);
  });

  it('shows viewers the facts of approved versions only, even as filters', async () => {
    // mistral-7b: 1.0 approved (above), p1 unapproved with a parameter count (set earlier in this block).
    const [asViewer] = (await api.request('GET', '/v1/models?q=mistral', { key: viewer })).body.items;
    expect(asViewer.parameters).toBeNull();
    const [asPublisher] = (await api.request('GET', '/v1/models?q=mistral', { key: publisher })).body.items;
    expect(asPublisher.parameters).toBe(7_241_732_096);
    expect(await ids('minParameters=1', viewer)).toEqual([]);
  });
});
