import { createHash, generateKeyPairSync } from 'node:crypto';
import { signApproval, signingKeyFromPem } from '@vetted/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, ApiHarness } from '../../api/test/api-harness.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const FILES = { 'model.onnx': mlpModel(4, 1), 'config.json': Buffer.from('{"hidden_size": 4}') };

let api: ApiHarness;
let publisher: string;
let reviewer: string;

async function arrived(
  version: string,
  files: Record<string, Buffer>,
): Promise<{ path: string; status: string; findings: { severity: string; code: string; message: string }[] }> {
  const base = '/v1/models/in/carried';
  expect((await api.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [path, bytes] of Object.entries(files)) {
    await api.request('PUT', `${base}/versions/${version}/files/${path}`, {
      key: publisher,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
  expect((await api.request('POST', `${base}/versions/${version}/submit`, { key: publisher })).status).toBe(201);
  const scan = await api.scan('in', 'carried', version);
  return scan.files.find((file) => file.path === 'model.sig') as never;
}

function foreignSignature(files: Record<string, Buffer>): Buffer {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const bundle = signApproval(key, {
    model: 'partner/model',
    version: '1',
    commitSha: 'b'.repeat(40),
    licenseId: null,
    reviewer: 'someone',
    approvedAt: new Date().toISOString(),
    files: Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) })),
  });
  return Object.assign(Buffer.from(JSON.stringify(bundle)), { publicKeyPem: key.publicKey.pem });
}

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher');
  reviewer = await api.keyFor('reviewer');
  expect(
    (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'in', name: 'carried', license: 'apache-2.0' } })).status,
  ).toBe(201);
  await arrived('origin', FILES);
  expect(
    (
      await api.request('POST', '/v1/models/in/carried/versions/origin/reviews', {
        key: reviewer,
        body: { decision: 'approve', comment: 'ok' },
      })
    ).status,
  ).toBe(201);
});
afterAll(() => api?.close());

describe('a carried model.sig', () => {
  const siteSignature = async () => (await api.request('GET', '/v1/models/in/carried/versions/origin/signature', { key: reviewer })).raw;

  it('signed by this site over the same files is valid, and shows in the review evidence', async () => {
    const file = await arrived('copy', { ...FILES, 'model.sig': await siteSignature() });
    expect(file.status).toBe('clean');
    expect(file.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'model_signature_valid', message: expect.stringContaining('this site') }),
    );
    const queue = await api.request('GET', '/v1/reviews/queue', { key: reviewer });
    const item = queue.body.items.find((i: { version: string }) => i.version === 'copy');
    expect(JSON.stringify(item.evidence.findings)).toContain('model_signature_valid');
  });

  it('over a flipped file is critical and blocks approval', async () => {
    const flipped = Buffer.from(FILES['config.json']);
    flipped[0]! ^= 1;
    const file = await arrived('flipped', { ...FILES, 'config.json': flipped, 'model.sig': await siteSignature() });
    expect(file.status).toBe('critical');
    expect(file.findings).toContainEqual(
      expect.objectContaining({ code: 'model_signature_invalid', message: expect.stringContaining('config.json') }),
    );
    const review = await api.request('POST', '/v1/models/in/carried/versions/flipped/reviews', {
      key: reviewer,
      body: { decision: 'approve', comment: 'x' },
    });
    expect(review.body.code).toBe('approval_blocked');
  });

  it('tampered is critical', async () => {
    const bundle = JSON.parse((await siteSignature()).toString());
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
    sig[sig.length - 2]! ^= 1;
    bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    const file = await arrived('tampered', { ...FILES, 'model.sig': Buffer.from(JSON.stringify(bundle)) });
    expect(file).toMatchObject({
      status: 'critical',
      findings: expect.arrayContaining([expect.objectContaining({ code: 'model_signature_invalid' })]),
    });
  });

  it('by an unknown key is a warning, and valid once an admin trusts the key', async () => {
    const signature = foreignSignature(FILES) as Buffer & { publicKeyPem: string };
    const unknown = await arrived('foreign', { ...FILES, 'model.sig': signature });
    expect(unknown.status).toBe('warning');
    expect(unknown.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'model_signature_unknown_signer' }));
    expect(
      (await api.request('POST', '/v1/trusted-keys', { key: ADMIN_TOKEN, body: { name: 'partner site', pem: signature.publicKeyPem } }))
        .status,
    ).toBe(201);
    const trusted = await arrived('foreign-trusted', { ...FILES, 'model.sig': signature });
    expect(trusted.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'model_signature_valid', message: expect.stringContaining('partner site') }),
    );
  });
});
