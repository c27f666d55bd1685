import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const FILES = { 'model.onnx': mlpModel(4, 1), 'config.json': Buffer.from('{"hidden_size": 4}') };

let api: ApiHarness;
let publisher: string;
let reviewer: string;
let viewer: string;

async function submitted(name: string, version: string, files: Record<string, Buffer> = FILES): Promise<string> {
  const base = `/v1/models/sig/${name}`;
  if ((await api.request('GET', base, { key: publisher })).status === 404) {
    expect(
      (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'sig', name, license: 'apache-2.0' } })).status,
    ).toBe(201);
  }
  expect((await api.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [path, bytes] of Object.entries(files)) {
    const put = await api.request('PUT', `${base}/versions/${version}/files/${path}`, {
      key: publisher,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  expect((await api.request('POST', `${base}/versions/${version}/submit`, { key: publisher })).status).toBe(201);
  await api.scan('sig', name, version);
  return base;
}

async function approved(name: string, version: string): Promise<string> {
  const base = await submitted(name, version);
  expect(
    (await api.request('POST', `${base}/versions/${version}/reviews`, { key: reviewer, body: { decision: 'approve', comment: 'ok' } }))
      .status,
  ).toBe(201);
  return base;
}

/** DSSE verification from the specification (PAE over type and payload), sharing no code with Vetted. */
function verifiedStatement(
  bundle: { dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] } },
  publicKeyPem: string,
) {
  const { payload, payloadType, signatures } = bundle.dsseEnvelope;
  const body = Buffer.from(payload, 'base64');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${body.length} `), body]);
  const key = createPublicKey(publicKeyPem);
  expect(verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', pae, key, Buffer.from(signatures[0]!.sig, 'base64'))).toBe(true);
  return JSON.parse(body.toString('utf8'));
}

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher');
  reviewer = await api.keyFor('reviewer');
  viewer = await api.keyFor('viewer');
});
afterAll(() => api?.close());

describe('signed approvals', () => {
  it('publishes the site key with its fingerprint', async () => {
    const keys = await api.request('GET', '/v1/signing-keys', { key: viewer });
    expect(keys.status).toBe(200);
    const [key] = keys.body.items;
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key).toMatchObject({ algorithm: 'ecdsa-p256', fingerprint: sha256(der), keyHint: sha256(key.publicKeyPem) });
    expect(key.publicKeyPem).not.toMatch(/PRIVATE/);
  });

  it('signs the approved manifest: every file and digest, the commit, the reviewer', async () => {
    const base = await submitted('tiny', '1');
    expect((await api.request('GET', `${base}/versions/1/signature`, { key: reviewer })).status).toBe(404);
    const review = await api.request('POST', `${base}/versions/1/reviews`, { key: reviewer, body: { decision: 'approve', comment: 'ok' } });
    expect(review.status).toBe(201);
    const signature = await api.request('GET', `${base}/versions/1/signature`, { key: viewer });
    expect(signature.status).toBe(200);
    expect(signature.body.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const [key] = (await api.request('GET', '/v1/signing-keys', { key: viewer })).body.items;
    expect(signature.body.verificationMaterial.publicKey.hint).toBe(key.keyHint);
    const statement = verifiedStatement(signature.body, key.publicKeyPem);
    expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(statement.predicate.resources).toEqual([
      { name: 'config.json', algorithm: 'sha256', digest: sha256(FILES['config.json']), size: FILES['config.json'].length },
      { name: 'model.onnx', algorithm: 'sha256', digest: sha256(FILES['model.onnx']), size: FILES['model.onnx'].length },
    ]);
    expect(statement.subject[0].name).toBe('sig/tiny');
    expect(statement.predicate.vetted).toMatchObject({
      version: '1',
      commitSha: review.body.evidence.manifest.commitSha,
      licenseId: 'apache-2.0',
      reviewer: review.body.reviewer,
    });
  });

  it('signs a revoke as a status statement and keeps the approval', async () => {
    const base = await approved('revoked', '1');
    expect((await api.request('GET', `${base}/versions/1/signature?kind=status`, { key: viewer })).status).toBe(404);
    expect((await api.request('POST', `${base}/versions/1/revoke`, { key: reviewer, body: { reason: 'leaked data' } })).status).toBe(200);
    const [key] = (await api.request('GET', '/v1/signing-keys', { key: viewer })).body.items;
    const status = await api.request('GET', `${base}/versions/1/signature?kind=status`, { key: viewer });
    expect(status.status).toBe(200);
    expect(verifiedStatement(status.body, key.publicKeyPem).predicate).toMatchObject({
      status: 'revoked',
      reason: 'leaked data',
      version: '1',
    });
    expect((await api.request('GET', `${base}/versions/1/signature`, { key: viewer })).status).toBe(200);
  });

  it('lists and serves model.sig in /hf for approved versions only, without changing the commit', async () => {
    const base = await approved('hub', '1');
    await submitted('hub', '2');
    const hf = '/hf/api/models/sig/hub';
    const tree = await api.request('GET', `${hf}/tree/main?recursive=true`, { key: viewer });
    const sig = tree.body.find((entry: { path: string }) => entry.path === 'model.sig');
    const bundle = (await api.request('GET', `${base}/versions/1/signature`, { key: viewer })).raw;
    expect(sig).toMatchObject({ type: 'file', size: bundle.length, lfs: { oid: sha256(bundle), size: bundle.length } });
    const info = await api.request('GET', hf, { key: viewer });
    expect(info.body.siblings.map((s: { rfilename: string }) => s.rfilename).sort()).toEqual(['config.json', 'model.onnx', 'model.sig']);
    const version = await api.request('GET', `${base}/versions/1`, { key: viewer });
    expect(info.body.sha).toBe(version.body.commitSha);
    const download = await api.request('GET', '/hf/sig/hub/resolve/main/model.sig', { key: viewer });
    expect(download.status).toBe(200);
    expect(download.raw.equals(bundle)).toBe(true);
    expect(download.headers['x-linked-etag']).toBe(`"${sha256(bundle)}"`);
    const probe = await api.request('GET', '/hf/sig/hub/resolve/main/model.sig', { key: viewer, headers: { range: 'bytes=0-0' } });
    expect(probe.status).toBe(206);
    expect(probe.headers['content-range']).toBe(`bytes 0-0/${bundle.length}`);
    // The pending version 2 is not served, its signature neither.
    expect((await api.request('GET', '/hf/sig/hub/resolve/2/model.sig', { key: viewer })).status).toBe(404);
    // Revoked: nothing at all.
    await api.request('POST', `${base}/versions/1/revoke`, { key: reviewer, body: { reason: 'gone' } });
    expect((await api.request('GET', '/hf/sig/hub/resolve/main/model.sig', { key: viewer })).status).toBe(404);
  });

  it('lets admins (only) manage trusted keys, audited', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await api.request('POST', '/v1/trusted-keys', { key: reviewer, body: { name: 'partner', pem } })).status).toBe(403);
    const created = await api.request('POST', '/v1/trusted-keys', { key: ADMIN_TOKEN, body: { name: 'partner', pem } });
    expect(created.status).toBe(201);
    expect(created.body.fingerprint).toBe(sha256(publicKey.export({ type: 'spki', format: 'der' })));
    expect((await api.request('POST', '/v1/trusted-keys', { key: ADMIN_TOKEN, body: { name: 'again', pem } })).status).toBe(409);
    expect((await api.request('POST', '/v1/trusted-keys', { key: ADMIN_TOKEN, body: { name: 'junk', pem: 'nope' } })).body.code).toBe(
      'invalid_trusted_key',
    );
    const list = await api.request('GET', '/v1/trusted-keys', { key: ADMIN_TOKEN });
    expect(list.body.items.map((k: { name: string }) => k.name)).toEqual(['partner']);
    expect((await api.request('DELETE', `/v1/trusted-keys/${created.body.id}`, { key: ADMIN_TOKEN })).status).toBe(204);
    const audit = await api.sql<{ action: string }>(`SELECT action FROM audit_events WHERE subject_type = 'trusted_key' ORDER BY id`);
    expect(audit.map((row) => row.action)).toEqual(['trusted_key.created', 'trusted_key.deleted']);
  });
});

describe('the configured signing key', () => {
  it('is used instead of a generated one', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const configured = await ApiHarness.start({ signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    try {
      const [key] = (await configured.request('GET', '/v1/signing-keys', { key: ADMIN_TOKEN })).body.items;
      expect(key).toMatchObject({ algorithm: 'ed25519', fingerprint: sha256(publicKey.export({ type: 'spki', format: 'der' })) });
    } finally {
      await configured.close();
    }
  });
});
