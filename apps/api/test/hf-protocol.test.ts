import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';
import { lfsPointer } from '../src/hf/lfs.js';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** A valid safetensors file: F32 [2, 3] and F16 [4] (6 + 4 parameters). */
function safetensors(): Buffer {
  const header = Buffer.from(
    JSON.stringify({ a: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] }, b: { dtype: 'F16', shape: [4], data_offsets: [24, 32] } }),
  );
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, header, Buffer.alloc(32)]);
}

const README = `---
license: apache-2.0
language: [en]
datasets: [imdb]
base_model: acme/base
---
# Proto
`;

const FILES: Record<string, Buffer> = {
  'README.md': Buffer.from(README),
  'config.json': Buffer.from('{"model_type": "bert", "hidden_size": 8}'),
  'model.safetensors': safetensors(),
  'sub/deep/notes.txt': Buffer.from('nested'),
};

let api: ApiHarness;
let hubUrl: string;
let publisher: string;
let viewer: string;
const commits: string[] = [];

async function publish(model: string, version: string, files: Record<string, Buffer>): Promise<string> {
  const base = `/v1/models/acme/${model}`;
  expect((await api.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [file, body] of Object.entries(files)) {
    const reply = await api.request('PUT', `${base}/versions/${version}/files/${file}`, {
      key: publisher,
      rawBody: body,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect({ file, status: reply.status }).toEqual({ file, status: 201 });
  }
  const submitted = await api.request('POST', `${base}/versions/${version}/submit`, { key: publisher });
  return submitted.body.commitSha as string;
}

const approve = (model: string, version: string) =>
  api.sql(
    `UPDATE model_versions SET status = 'approved', status_changed_at = now()
     WHERE label = $1 AND model_id = (SELECT id FROM models WHERE namespace = 'acme' AND name = $2)`,
    [version, model],
  );

beforeAll(async () => {
  api = await ApiHarness.start({
    hfAnonymous: true,
    hfTreePageSize: 2,
    rateLimits: { writes: 0, downloads: 3 },
    trustedProxies: [{ address: '127.0.0.1', prefix: 32, family: 'ipv4' }],
  });
  hubUrl = `${await api.listen()}/hf`;
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer', 'reader');
  for (const name of ['proto', 'limited', 'llama-gguf'])
    await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name, license: 'apache-2.0' } });
  for (const version of ['1.0', '2.0', '3.0']) {
    commits.push(await publish('proto', version, { ...FILES, 'config.json': Buffer.from(`{"version": "${version}"}`) }));
    await api.scan('acme', 'proto', version);
    await approve('proto', version);
  }
  await publish('limited', '1', { 'model.bin': Buffer.from('0123456789') });
  await approve('limited', '1');
  await publish('llama-gguf', '1', { 'model.gguf': Buffer.from('GGUF') });
  await approve('llama-gguf', '1');
});
afterAll(() => api?.close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${hubUrl}${path}`, { method, headers: { authorization: `Bearer ${viewer}`, ...headers } });

describe('the rest of the Hub read protocol', () => {
  it('reads booleans case-insensitively, as older Python clients send them', async () => {
    const paths = async (query: string) => {
      const found: string[] = [];
      for (let url: string | undefined = `${hubUrl}/api/models/acme/proto/tree/main?${query}`; url;) {
        const response = await fetch(url, { headers: { authorization: `Bearer ${viewer}` } });
        found.push(...((await response.json()) as { path: string }[]).map((entry) => entry.path));
        url = response.headers.get('link')?.match(/^<([^>]+)>; rel="next"$/)?.[1];
      }
      return found;
    };
    for (const recursive of ['True', 'TRUE', 'true', '1'])
      expect({ recursive, found: await paths(`recursive=${recursive}&expand=False`) }).toEqual({
        recursive,
        found: expect.arrayContaining(['sub/deep', 'sub/deep/notes.txt']),
      });
    expect(await paths('recursive=false')).not.toContain('sub/deep/notes.txt');
    const form = await fetch(`${hubUrl}/api/models/acme/proto/paths-info/main`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'paths=config.json&expand=True',
    });
    expect(((await form.json()) as { lastCommit?: { id: string } }[])[0]?.lastCommit?.id).toBe(commits[2]);
  });

  it('adds lastCommit to tree entries only with expand=true', async () => {
    const expanded = (await (await get('/api/models/acme/proto/tree/main?expand=true')).json()) as { lastCommit?: unknown }[];
    expect(expanded[0]?.lastCommit).toEqual({ id: commits[2], title: expect.stringContaining('3.0'), date: expect.any(String) });
    const plain = (await (await get('/api/models/acme/proto/tree/main?expand=false')).json()) as { lastCommit?: unknown }[];
    expect(plain[0]).not.toHaveProperty('lastCommit');
  });

  it('answers whoami-v2 with the key’s identity, and 401 without a valid key even where anonymous reads are allowed', async () => {
    const me = await get('/api/whoami-v2');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ type: 'user', name: 'reader', auth: { type: 'access_token', accessToken: { role: 'read' } } });
    const writer = await fetch(`${hubUrl}/api/whoami-v2`, { headers: { authorization: `Bearer ${publisher}` } });
    expect(((await writer.json()) as { auth: { accessToken: { role: string } } }).auth.accessToken.role).toBe('write');
    for (const headers of [{}, { authorization: 'Bearer hf_notAVettedKey' }] as Record<string, string>[]) {
      expect((await fetch(`${hubUrl}/api/whoami-v2`, { headers })).status).toBe(401);
    }
  });

  it('lists refs: main and a tag per approved version', async () => {
    const refs = (await (await get('/api/models/acme/proto/refs')).json()) as Record<string, { name: string; targetCommit: string }[]>;
    expect(refs.branches).toEqual([{ name: 'main', ref: 'refs/heads/main', targetCommit: commits[2] }]);
    expect(refs.tags?.map((tag) => [tag.name, tag.targetCommit])).toEqual([
      ['3.0', commits[2]],
      ['2.0', commits[1]],
      ['1.0', commits[0]],
    ]);
    expect(refs.converts).toEqual([]);
  });

  it('lists commits newest first, paged with absolute Link headers, from any revision', async () => {
    const first = await get('/api/models/acme/proto/commits/main');
    const page1 = (await first.json()) as { id: string; title: string; authors: { user: string }[]; date: string }[];
    expect(page1.map((commit) => [commit.id, commit.title])).toEqual([
      [commits[2], '3.0'],
      [commits[1], '2.0'],
    ]);
    expect(page1[0]?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(page1[0]?.authors[0]?.user).toEqual(expect.any(String));
    const next = first.headers.get('link')?.match(/^<(http:\/\/[^>]+)>; rel="next"$/)?.[1];
    expect(next).toMatch(/\/commits\/main\?p=1$/);
    const second = await fetch(next!, { headers: { authorization: `Bearer ${viewer}` } });
    expect(((await second.json()) as { id: string }[]).map((commit) => commit.id)).toEqual([commits[0]]);
    expect(second.headers.get('link')).toBeNull();
    const fromOld = (await (await get(`/api/models/acme/proto/commits/${commits[1]}`)).json()) as { id: string }[];
    expect(fromOld.map((commit) => commit.id)).toEqual([commits[1], commits[0]]);
  });

  it('serves small non-weight files on /raw/, and LFS pointers for weights', async () => {
    const config = await get('/acme/proto/raw/main/config.json');
    expect([config.status, config.headers.get('x-repo-commit'), await config.text()]).toEqual([200, commits[2], '{"version": "3.0"}']);
    const readme = await get('/acme/proto/raw/1.0/README.md');
    expect(await readme.text()).toBe(README);
    const weights = await get('/acme/proto/raw/main/model.safetensors');
    expect(await weights.text()).toBe(lfsPointer(sha256(FILES['model.safetensors']!), FILES['model.safetensors']!.length));
    const probe = await get('/acme/proto/raw/main/config.json', { range: 'bytes=0-0' });
    expect([probe.status, probe.headers.get('content-range')]).toEqual([206, 'bytes 0-0/18']);
  });

  it('fills model info from the card, the scan facts and GGUF facts', async () => {
    const info = (await (await get('/api/models/acme/proto')).json()) as Record<string, unknown>;
    expect(info.cardData).toEqual({ license: 'apache-2.0', language: ['en'], datasets: ['imdb'], base_model: 'acme/base' });
    expect(info.safetensors).toEqual({ parameters: { F32: 6, F16: 4 }, total: 10 });
    expect(info).not.toHaveProperty('gguf');
    await api.sql(`UPDATE model_versions SET facts = $1::jsonb WHERE model_id = (SELECT id FROM models WHERE name = 'llama-gguf')`, [
      JSON.stringify({
        weightsFrom: { format: 'gguf', files: ['model.gguf'] },
        parameters: 1_100_048_384,
        gguf: [{ path: 'model.gguf', architecture: 'llama', contextLength: 2048, parameters: 1_100_048_384 }],
      }),
    ]);
    const gguf = (await (await get('/api/models/acme/llama-gguf')).json()) as Record<string, unknown>;
    expect(gguf.gguf).toEqual({ total: 1_100_048_384, architecture: 'llama', context_length: 2048 });
    expect(gguf).not.toHaveProperty('safetensors');
  });
});

describe('download limits', () => {
  const anonymous = (from: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${hubUrl}/acme/limited/resolve/main/model.bin`, { method, headers: { 'x-forwarded-for': from, ...headers } });

  it('count only answers that send file bytes, per client address behind a trusted proxy, with the Hub’s headers on 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anonymous('10.0.0.1', {}, 'HEAD')).status);
    for (let i = 0; i < 5; i++) statuses.push((await anonymous('10.0.0.1', { range: 'bytes=0-0' })).status);
    for (let i = 0; i < 3; i++) statuses.push((await anonymous('10.0.0.1')).status);
    expect(statuses).toEqual([...Array<number>(5).fill(200), ...Array<number>(5).fill(206), 200, 200, 200]);
    const refused = await anonymous('10.0.0.1', { range: 'bytes=2-' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toBe(`"downloads";r=0;t=${retryAfter}`);
    expect(refused.headers.get('ratelimit-policy')).toBe('"fixed window";"downloads";q=3;w=60');
    // Another client behind the same proxy has its own bucket; a key has its own too.
    expect((await anonymous('10.0.0.2')).status).toBe(200);
    expect((await anonymous('10.0.0.1', { authorization: `Bearer ${viewer}` })).status).toBe(200);
  });
});
