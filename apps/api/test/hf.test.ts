import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadFile, fileDownloadInfo, listFiles, modelInfo, snapshotDownload } from '@huggingface/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

const README = `---
license: apache-2.0
pipeline_tag: text-classification
tags: [bert, tiny]
---
# Tiny BERT
`;

/** A multi-file repository with nested folders, a file bigger than the usual chunk, unicode and spaces. */
const FILES: Record<string, Buffer> = {
  'README.md': Buffer.from(README),
  'config.json': Buffer.from('{"architectures": ["BertForSequenceClassification"], "hidden_size": 128}'),
  'model.safetensors': randomBytes(70_000),
  'onnx/model.onnx': randomBytes(20_000),
  'weights/large/shard-00001.bin': randomBytes(3 * 1024 * 1024 + 17),
  'docs/read me é.txt': Buffer.from('unicode and spaces'),
  'empty.txt': Buffer.alloc(0),
};

let api: ApiHarness;
let hubUrl: string;
let publisher: string;
let viewer: string;
const repo = { type: 'model' as const, name: 'acme/bert-tiny' };
const base = '/v1/models/acme/bert-tiny';

async function publishVersion(version: string, files: Record<string, Buffer>): Promise<string> {
  expect((await api.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [file, body] of Object.entries(files)) {
    const url = `${base}/versions/${version}/files/${file.split('/').map(encodeURIComponent).join('/')}`;
    const reply = await api.request('PUT', url, { key: publisher, rawBody: body, headers: { 'content-type': 'application/octet-stream' } });
    expect({ file, status: reply.status }).toEqual({ file, status: 201 });
  }
  const submitted = await api.request('POST', `${base}/versions/${version}/submit`, { key: publisher });
  return submitted.body.commitSha as string;
}

const approve = (version: string) =>
  api.sql(
    `UPDATE model_versions SET status = 'approved' WHERE label = $1 AND model_id = (SELECT id FROM models WHERE name = 'bert-tiny')`,
    [version],
  );

let firstCommit: string;

beforeAll(async () => {
  api = await ApiHarness.start({ hfTreePageSize: 3 });
  hubUrl = `${await api.listen()}/hf`;
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
  await api.request('POST', '/v1/models', {
    key: publisher,
    body: {
      namespace: 'acme',
      name: 'bert-tiny',
      task: 'text-classification',
      library: 'transformers',
      tags: ['bert'],
      license: 'apache-2.0',
    },
  });
  firstCommit = await publishVersion('1.0', FILES);
});
afterAll(() => api?.close());

describe('the /hf endpoint with the @huggingface/hub client', () => {
  it('answers the client’s not-found error while the version awaits review', async () => {
    await expect(modelInfo({ name: repo.name, hubUrl, accessToken: viewer })).rejects.toMatchObject({ statusCode: 404 });
    await expect(downloadFile({ repo, path: 'config.json', hubUrl, accessToken: viewer })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('serves model info for the approved version', async () => {
    await approve('1.0');
    const info = await modelInfo({ name: repo.name, hubUrl, accessToken: viewer, additionalFields: ['sha', 'tags', 'cardData'] });
    expect(info).toMatchObject({ name: 'acme/bert-tiny', private: false, gated: false, task: 'text-classification', sha: firstCommit });
    const raw = (await (await fetch(`${hubUrl}/api/models/acme/bert-tiny`, { headers: { authorization: `Bearer ${viewer}` } })).json()) as {
      id: string;
      lastModified: string;
      siblings: { rfilename: string; lfs: { sha256: string; size: number; pointerSize: number } }[];
    };
    expect(raw.id).toBe('acme/bert-tiny');
    expect(raw.lastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(raw.siblings.map((sibling) => sibling.rfilename).sort()).toEqual(Object.keys(FILES).sort());
    expect(raw.siblings.find((sibling) => sibling.rfilename === 'config.json')?.lfs).toMatchObject({
      sha256: sha256(FILES['config.json']!),
    });
  });

  it('lists files recursively across pages (absolute Link headers), and one folder at a time', async () => {
    const all: string[] = [];
    for await (const entry of listFiles({ repo, recursive: true, hubUrl, accessToken: viewer })) all.push(`${entry.type}:${entry.path}`);
    expect(all.sort()).toEqual(
      [
        ...Object.keys(FILES).map((f) => `file:${f}`),
        'directory:docs',
        'directory:onnx',
        'directory:weights',
        'directory:weights/large',
      ].sort(),
    );
    const top: string[] = [];
    for await (const entry of listFiles({ repo, hubUrl, accessToken: viewer })) top.push(entry.path);
    expect(top.sort()).toEqual(['README.md', 'config.json', 'docs', 'empty.txt', 'model.safetensors', 'onnx', 'weights']);
    const nested: { path: string; size: number; lfs?: { oid: string } }[] = [];
    for await (const entry of listFiles({ repo, path: 'weights/large', hubUrl, accessToken: viewer })) nested.push(entry);
    expect(nested).toEqual([
      expect.objectContaining({
        path: 'weights/large/shard-00001.bin',
        size: FILES['weights/large/shard-00001.bin']!.length,
        lfs: expect.objectContaining({ oid: sha256(FILES['weights/large/shard-00001.bin']!) }),
      }),
    ]);
  });

  it('downloads every file byte for byte, unicode names and the empty file included', async () => {
    for (const [file, body] of Object.entries(FILES)) {
      const blob = await downloadFile({ repo, path: file, hubUrl, accessToken: viewer });
      expect({ file, sha256: sha256(Buffer.from(await blob!.arrayBuffer())) }).toEqual({ file, sha256: sha256(body) });
    }
    const info = await fileDownloadInfo({ repo, path: 'model.safetensors', hubUrl, accessToken: viewer });
    expect(info).toMatchObject({ size: FILES['model.safetensors']!.length, etag: `"${sha256(FILES['model.safetensors']!)}"` });
    expect(info?.xet).toBeUndefined();
  });

  it('takes a whole snapshot identical to what was uploaded', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'vetted-hf-cache-'));
    try {
      const snapshot = await snapshotDownload({ repo, hubUrl, accessToken: viewer, cacheDir });
      expect(snapshot).toContain(firstCommit);
      for (const [file, body] of Object.entries(FILES)) {
        expect({ file, sha256: sha256(await readFile(path.join(snapshot, file))) }).toEqual({ file, sha256: sha256(body) });
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('moves main to a newer approved version, and keeps older ones reachable by label or commit', async () => {
    const changed = { ...FILES, 'config.json': Buffer.from('{"hidden_size": 256}') };
    const secondCommit = await publishVersion('2.0', changed);
    expect((await modelInfo({ name: repo.name, hubUrl, accessToken: viewer, additionalFields: ['sha'] })).sha).toBe(firstCommit);
    await approve('2.0');
    expect((await modelInfo({ name: repo.name, hubUrl, accessToken: viewer, additionalFields: ['sha'] })).sha).toBe(secondCommit);
    const latest = await downloadFile({ repo, path: 'config.json', hubUrl, accessToken: viewer });
    expect(await latest!.text()).toBe('{"hidden_size": 256}');
    for (const revision of ['1.0', firstCommit]) {
      const old = await downloadFile({ repo, path: 'config.json', revision, hubUrl, accessToken: viewer });
      expect(await old!.text()).toBe(FILES['config.json']!.toString());
    }
  });
});

describe('the /hf endpoint over plain HTTP', () => {
  const url = (suffix: string) => `${hubUrl}/acme/bert-tiny/${suffix}`;
  const get = (suffix: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(url(suffix), { method, headers: { authorization: `Bearer ${viewer}`, ...headers } });

  it('answers HEAD on resolve with every header the Python client needs, and no Xet', async () => {
    const response = await get('resolve/1.0/model.safetensors', { 'accept-encoding': 'identity' }, 'HEAD');
    const body = FILES['model.safetensors']!;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-repo-commit')).toBe(firstCommit);
    expect(response.headers.get('etag')).toBe(`"${sha256(body)}"`);
    expect(response.headers.get('x-linked-etag')).toBe(`"${sha256(body)}"`);
    expect(response.headers.get('x-linked-size')).toBe(String(body.length));
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect([...response.headers.keys()].filter((h) => h.includes('xet'))).toEqual([]);
    expect(response.headers.get('content-type')).not.toContain('xet');
  });

  it('resumes with a Range request and answers the JS client’s 0-0 probe', async () => {
    const body = FILES['weights/large/shard-00001.bin']!;
    const resumed = await get('resolve/main/weights/large/shard-00001.bin', { range: 'bytes=1000000-' });
    expect(resumed.status).toBe(206);
    expect(resumed.headers.get('content-range')).toBe(`bytes 1000000-${body.length - 1}/${body.length}`);
    expect(Buffer.from(await resumed.arrayBuffer()).equals(body.subarray(1000000))).toBe(true);
    const probe = await get('resolve/main/empty.txt', { range: 'bytes=0-0' });
    expect(probe.status).toBe(200);
    expect(probe.headers.get('content-range')).toBe('bytes */0');
  });

  it('uses the Hub’s error codes: RepoNotFound, RevisionNotFound, EntryNotFound', async () => {
    const missingRepo = await fetch(`${hubUrl}/api/models/acme/nope`, { headers: { authorization: `Bearer ${viewer}` } });
    expect([missingRepo.status, missingRepo.headers.get('x-error-code')]).toEqual([404, 'RepoNotFound']);
    expect(await missingRepo.json()).toEqual({ error: 'Repository acme/nope not found' });
    const revision = await get('resolve/9.9/config.json');
    expect([revision.status, revision.headers.get('x-error-code')]).toEqual([404, 'RevisionNotFound']);
    const unicode = await get(`resolve/main/${encodeURIComponent('你好.bin')}`);
    expect([unicode.status, unicode.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);
    expect(((await unicode.json()) as { error: string }).error).toContain('你好.bin');
    const entry = await get('resolve/main/missing.bin');
    expect([entry.status, entry.headers.get('x-error-code'), entry.headers.get('x-repo-commit')]).toEqual([
      404,
      'EntryNotFound',
      expect.any(String),
    ]);
    const dataset = await fetch(`${hubUrl}/api/datasets/acme/bert-tiny`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(dataset.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('needs a key unless anonymous reads are enabled, without revealing what exists', async () => {
    for (const headers of [{}, { authorization: 'Bearer hf_unknownToken' }] as Record<string, string>[]) {
      const response = await fetch(`${hubUrl}/api/models/acme/bert-tiny`, { headers });
      expect([response.status, response.headers.get('x-error-code')]).toEqual([401, 'RepoNotFound']);
    }
  });

  it('answers paths-info as a form (Python) and as JSON (JS)', async () => {
    const form = await fetch(`${hubUrl}/api/models/acme/bert-tiny/paths-info/main`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'paths=config.json&paths=onnx&paths=nothing.bin&expand=false',
    });
    expect((await form.json()) as unknown[]).toEqual([
      expect.objectContaining({ type: 'file', path: 'config.json' }),
      expect.objectContaining({ type: 'directory', path: 'onnx' }),
    ]);
    const json = await fetch(`${hubUrl}/api/models/acme/bert-tiny/paths-info/main`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: ['model.safetensors'], expand: true }),
    });
    const [item] = (await json.json()) as { lastCommit?: { id: string } }[];
    expect(item?.lastCommit?.id).toMatch(/^[0-9a-f]{40}$/);
  });

  it('decodes paths and revisions the way the Python client encodes them', async () => {
    const tree = await get(`../../api/models/acme/bert-tiny/tree/main/${encodeURIComponent('weights/large')}?recursive=false&expand=false`);
    expect(((await tree.json()) as { path: string }[]).map((entry) => entry.path)).toEqual(['weights/large/shard-00001.bin']);
    const info = await fetch(`${hubUrl}/api/models/acme/bert-tiny/revision/${encodeURIComponent(firstCommit)}`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(((await info.json()) as { sha: string }).sha).toBe(firstCommit);
    const spaced = await get(`resolve/${firstCommit}/docs/read%20me%20%C3%A9.txt`);
    expect(await spaced.text()).toBe('unicode and spaces');
  });

  it('lets browsers call it: CORS preflight and exposed headers', async () => {
    const preflight = await fetch(url('resolve/main/config.json'), {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const response = await get('resolve/main/config.json');
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Repo-Commit');
  });

  it('records downloads like native ones', async () => {
    await expect
      .poll(() => api.sql(`SELECT 1 FROM audit_events WHERE action = 'file.downloaded' AND subject_id LIKE 'acme/bert-tiny@%'`))
      .not.toHaveLength(0);
  });

  it('hides revoked and rejected versions everywhere', async () => {
    await api.sql(`UPDATE model_versions SET status = 'revoked' WHERE label = '1.0'`);
    const revoked = await get(`resolve/${firstCommit}/config.json`);
    expect([revoked.status, revoked.headers.get('x-error-code')]).toEqual([404, 'RevisionNotFound']);
  });
});

describe('anonymous reads', () => {
  it('serve approved models without a key when enabled, and only those', async () => {
    const open = await ApiHarness.start({ hfAnonymous: true, publicUrl: 'https://vetted.example.com', hfTreePageSize: 1 });
    try {
      const hub = `${await open.listen()}/hf`;
      const key = await open.keyFor('publisher');
      await open.request('POST', '/v1/models', { key, body: { namespace: 'open', name: 'model' } });
      await open.request('POST', '/v1/models/open/model/versions', { key, body: { version: '1' } });
      await open.request('PUT', '/v1/models/open/model/versions/1/files/b.txt', {
        key,
        rawBody: 'second',
        headers: { 'content-type': 'application/octet-stream' },
      });
      await open.request('PUT', '/v1/models/open/model/versions/1/files/a.txt', {
        key,
        rawBody: 'public',
        headers: { 'content-type': 'application/octet-stream' },
      });
      await open.request('POST', '/v1/models/open/model/versions/1/submit', { key });
      const hidden = await fetch(`${hub}/api/models/open/model`);
      expect([hidden.status, hidden.headers.get('x-error-code')]).toEqual([401, 'RepoNotFound']);
      await open.sql(`UPDATE model_versions SET status = 'approved'`);
      const blob = await downloadFile({ repo: { type: 'model', name: 'open/model' }, path: 'a.txt', hubUrl: hub });
      expect(await blob!.text()).toBe('public');
      const page = await fetch(`${hub}/api/models/open/model/tree/main?recursive=true`);
      expect(page.headers.get('link')).toMatch(
        /^<https:\/\/vetted\.example\.com\/hf\/api\/models\/open\/model\/tree\/main\?recursive=true&cursor=[\w-]+>; rel="next"$/,
      );
      const withHubToken = await fetch(`${hub}/open/model/resolve/main/a.txt`, {
        headers: { authorization: 'Bearer hf_aRealHubTokenNotOurs' },
      });
      expect(withHubToken.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
