import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

/** PostgreSQL stores no NUL character in text or jsonb: each of these reached it and answered 500. */
let api: ApiHarness;
const version = '/v1/models/acme/tiny/versions/1';

beforeAll(async () => {
  api = await ApiHarness.start();
  expect((await api.request('POST', '/v1/models', { key: ADMIN_TOKEN, body: { namespace: 'acme', name: 'tiny' } })).status).toBe(201);
  expect((await api.request('POST', '/v1/models/acme/tiny/versions', { key: ADMIN_TOKEN, body: { version: '1' } })).status).toBe(201);
  const upload = await api.request('PUT', `${version}/files/config.json`, {
    key: ADMIN_TOKEN,
    rawBody: '{}',
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(upload.status).toBe(201);
  expect((await api.request('POST', `${version}/submit`, { key: ADMIN_TOKEN })).status).toBe(201);
  // Approved, so that /hf gets as far as looking the revision up.
  await api.sql(`UPDATE model_versions SET status = 'approved'`);
});
afterAll(() => api?.close());

describe('a NUL character in the URL', () => {
  it.each([
    ['GET', '/v1/models?license=%00', 'license'],
    ['GET', '/v1/models?q=ok&tag=a%00b', 'tag'],
    ['GET', '/v1/audit?subjectId=%00', 'subjectId'],
    ['GET', '/v1/licenses/mit%00', 'id'],
    ['GET', '/v1/models/acme/tiny%00', 'name'],
  ] as const)('%s %s is 400 validation_failed naming %s', async (method, url, field) => {
    const reply = await api.request(method, url, { key: ADMIN_TOKEN });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ code: 'validation_failed', errors: [{ field, message: expect.stringContaining('NUL') }] });
  });

  it.each([
    ['GET', `${version}/files/config%00.json`],
    ['PUT', '/v1/models/acme/tiny/versions/2/files/a%00.bin'],
    ['DELETE', `${version}/files/config%00.json`],
  ] as const)('%s of a file path %s is 400 invalid_path, as every control character is', async (method, url) => {
    const reply = await api.request(method, url, {
      key: ADMIN_TOKEN,
      ...(method === 'PUT' ? { rawBody: 'x', headers: { 'content-type': 'application/octet-stream' } } : {}),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_path', errors: [{ field: 'path', message: expect.stringContaining('control') }] });
  });

  it('leaves an encoded "%00" that is not a NUL character alone', async () => {
    const reply = await api.request('GET', '/v1/models?q=%2500', { key: ADMIN_TOKEN });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['/hf/api/models/acme/tiny/revision/main%00', 'RevisionNotFound'],
    ['/hf/api/models/acme/tiny/tree/main%00', 'RevisionNotFound'],
    ['/hf/api/models/acme/tiny/tree/main%00/sub', 'RevisionNotFound'],
    ['/hf/acme/tiny/resolve/main%00/config.json', 'RevisionNotFound'],
    ['/hf/acme/tiny/raw/main%00/config.json', 'RevisionNotFound'],
    ['/hf/acme/tiny/resolve/main/config%00.json', 'EntryNotFound'],
    ['/hf/api/models/acme/tiny/tree/main/sub%00', 'EntryNotFound'],
    ['/hf/api/models/acme%00/tiny', 'RepoNotFound'],
    ['/hf/datasets/acme%00/x', 'RepoNotFound'],
  ])('%s answers 404 with X-Error-Code %s, as the Hub does', async (url, code) => {
    const reply = await api.request('GET', url, { key: ADMIN_TOKEN });
    expect(reply.status).toBe(404);
    expect(reply.headers['x-error-code']).toBe(code);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.body).toEqual({ error: expect.any(String) });
  });

  it('still serves the revision without the NUL', async () => {
    expect((await api.request('GET', '/hf/api/models/acme/tiny/revision/main', { key: ADMIN_TOKEN })).status).toBe(200);
  });
});

describe('a NUL character in a JSON body', () => {
  it.each([
    ['a model description', '/v1/models', { namespace: 'acme', name: 'other', description: '\u0000' }, 'description'],
    ['a model tag', '/v1/models', { namespace: 'acme', name: 'other', tags: ['ok', 'b\u0000'] }, 'tags.1'],
    ['a key name', '/v1/keys', { name: 'ci\u0000', role: 'viewer' }, 'name'],
    ['a review comment', `${version}/reviews`, { decision: 'reject', comment: 'looks fine\u0000' }, 'comment'],
    ['an override reason', `${version}/reviews`, { decision: 'approve', comment: 'ok', overrideReason: '\u0000because' }, 'overrideReason'],
    ['a deprecation reason', `${version}/deprecate`, { reason: 'old\u0000' }, 'reason'],
    ['a revocation reason', `${version}/revoke`, { reason: '\u0000' }, 'reason'],
    ['a key of the body', '/v1/models', { namespace: 'acme', name: 'other', '\u0000': 1 }, '\u0000'],
  ])('in %s is 400 validation_failed naming the field', async (_case, url, body, field) => {
    const reply = await api.request('POST', url, { key: ADMIN_TOKEN, body });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'validation_failed', errors: [{ field, message: expect.stringContaining('NUL') }] });
  });

  it('in a PATCH too, and nothing changes', async () => {
    const reply = await api.request('PATCH', '/v1/models/acme/tiny', { key: ADMIN_TOKEN, body: { description: 'x\u0000y' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ field: 'description', message: expect.stringContaining('NUL') }]);
    expect((await api.request('GET', '/v1/models/acme/tiny', { key: ADMIN_TOKEN })).body.description).toBe('');
    expect((await api.request('GET', '/v1/models/acme/other', { key: ADMIN_TOKEN })).status).toBe(404);
  });
});

describe('an upload to a risky file path', () => {
  const put = (filePath: string) =>
    api.request('PUT', `/v1/models/acme/tiny/versions/paths/files/${filePath.split('/').map(encodeURIComponent).join('/')}`, {
      key: ADMIN_TOKEN,
      rawBody: 'x',
      headers: { 'content-type': 'application/octet-stream' },
    });
  beforeAll(async () => {
    expect((await api.request('POST', '/v1/models/acme/tiny/versions', { key: ADMIN_TOKEN, body: { version: 'paths' } })).status).toBe(201);
  });

  it.each([
    '.git/config',
    'sub/.git/hooks/post-checkout',
    'git~1/config',
    'model?.bin',
    'model*.bin',
    'a<b>.bin',
    'model\u200B.safetensors',
    '\uFEFFconfig.json',
    'model\u00A0.bin',
    'COM1.txt',
    'dir./model.bin',
  ])('refuses %j with 400 invalid_path', async (filePath) => {
    const reply = await put(filePath);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_path', errors: [{ field: 'path' }] });
  });

  it.each(['.gitattributes', 'onnx/model.onnx', '1_Pooling/config.json'])('stores %j', async (filePath) => {
    expect((await put(filePath)).status).toBe(201);
  });
});
