import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { signIndex } from '@vetted/bundles';
import { generateSigningKeyPem, signApproval, signingKeyFromPem } from '@vetted/signing';
import { pack, extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportBundle } from '../../cli/src/export-command.js';
import { importBundle } from '../../cli/src/import-command.js';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, ApiHarness, type Reply } from './api-harness.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const FILES = { 'model.onnx': mlpModel(4, 1), 'config.json': Buffer.from('{"hidden_size": 4}'), 'README.md': Buffer.from('# tiny\n') };
const admin = { key: ADMIN_TOKEN };
const approval = {
  model: 'acme/tiny',
  version: '1',
  commitSha: '0'.repeat(40),
  licenseId: null,
  reviewer: 'someone',
  approvedAt: new Date(0).toISOString(),
};
const manifestOf = (files: Record<string, Buffer>) =>
  Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));

let siteA: ApiHarness;
let siteB: ApiHarness;
let siteC: ApiHarness;
let bundle: Buffer;
let keyA: { publicKeyPem: string; fingerprint: string };

async function approvedOnA(name: string, version: string, license = 'apache-2.0'): Promise<void> {
  const publisher = await siteA.keyFor('publisher', `publisher ${name}`);
  const reviewer = await siteA.keyFor('reviewer', `reviewer ${name}`);
  const base = `/v1/models/acme/${name}`;
  expect((await siteA.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name, license } })).status).toBe(201);
  expect((await siteA.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [file, bytes] of Object.entries(FILES)) {
    const put = await siteA.request('PUT', `${base}/versions/${version}/files/${file}`, {
      key: publisher,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  expect((await siteA.request('POST', `${base}/versions/${version}/submit`, { key: publisher })).status).toBe(201);
  await siteA.scan('acme', name, version);
  const review = await siteA.request('POST', `${base}/versions/${version}/reviews`, {
    key: reviewer,
    body: { decision: 'approve', comment: 'fine' },
  });
  expect(review.status).toBe(201);
}

async function exported(site: ApiHarness, models: string[]): Promise<Buffer> {
  const created = await site.request('POST', '/v1/exports', { ...admin, body: { models } });
  expect(created.status).toBe(202);
  await vi.waitFor(
    async () => {
      const current = await site.request('GET', `/v1/exports/${created.body.id}`, admin);
      expect(current.body.status).not.toBe('running');
    },
    { timeout: 30_000, interval: 50 },
  );
  const done = await site.request('GET', `/v1/exports/${created.body.id}`, admin);
  expect(done.body).toMatchObject({ status: 'succeeded', versions: models });
  const download = await site.request('GET', `/v1/exports/${created.body.id}/download`, admin);
  expect(download.status).toBe(200);
  expect(download.raw.length).toBe(done.body.size);
  const tail = await site.request('GET', `/v1/exports/${created.body.id}/download`, { ...admin, headers: { range: 'bytes=1000-' } });
  expect(tail.status).toBe(206);
  expect(tail.raw).toEqual(download.raw.subarray(1000));
  return download.raw;
}

function importInto(site: ApiHarness, bytes: Buffer, query = '') {
  return site.request('POST', `/v1/imports/bundle${query}`, {
    ...admin,
    rawBody: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

/** Everything an import could leave behind: rows, stored objects and temp files. */
async function footprint(site: ApiHarness) {
  const [rows] = await site.sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM model_versions) AS versions, (SELECT count(*) FROM models) AS models,
            (SELECT count(*) FROM blobs) AS blobs, (SELECT count(*) FROM model_files) AS files,
            (SELECT count(*) FROM version_origins) AS origins, (SELECT count(*) FROM reviews) AS reviews,
            (SELECT count(*) FROM version_signatures) AS signatures, (SELECT count(*) FROM audit_events WHERE action LIKE 'version.%') AS audits`,
  );
  const root = (site.config.storage as { root: string }).root;
  const stored = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return { ...rows, stored: stored.filter((entry) => path.basename(entry).length > 40 || entry.startsWith('tmp/')).sort() };
}

/** Rewrites the bundle's tar entry by entry: `edit` returns new bytes, or null to drop the entry. */
async function rewritten(bytes: Buffer, edit: (name: string, data: Buffer) => Buffer | null): Promise<Buffer> {
  const out = pack();
  const collected = buffer(Readable.from(out));
  const reader = extract();
  reader.end(bytes);
  for await (const entry of reader) {
    const data = edit(entry.header.name, await buffer(Readable.from(entry)));
    if (data)
      await new Promise<void>((resolve, reject) =>
        out.entry({ name: entry.header.name }, data, (error) => (error ? reject(error) : resolve())),
      );
  }
  out.finalize();
  return collected;
}

beforeAll(async () => {
  [siteA, siteB, siteC] = await Promise.all([ApiHarness.start(), ApiHarness.start(), ApiHarness.start()]);
  await approvedOnA('tiny', '1');
  [keyA] = (await siteA.request('GET', '/v1/signing-keys', admin)).body.items;
  bundle = await exported(siteA, ['acme/tiny@1']);
  const trusted = await siteB.request('POST', '/v1/trusted-keys', { ...admin, body: { name: 'site A', pem: keyA.publicKeyPem } });
  expect(trusted.status).toBe(201);
}, 180_000);
afterAll(() => Promise.all([siteA, siteB, siteC].map((site) => site?.close())));

describe('site-to-site bundles', () => {
  it('refuses tampered, truncated and foreign bundles, keeping nothing', async () => {
    const before = await footprint(siteB);
    const weights = `blobs/sha256/${sha256(FILES['model.onnx'])}`;
    const flipped = await rewritten(bundle, (name, data) => {
      if (name === weights) data[data.length >> 1]! ^= 1;
      return data;
    });
    const removed = await rewritten(bundle, (name, data) => (name === `blobs/sha256/${sha256(FILES['config.json'])}` ? null : data));
    const stranger = signingKeyFromPem(generateSigningKeyPem());
    const strangersSignature = Buffer.from(JSON.stringify(signApproval(stranger, { ...approval, files: manifestOf(FILES) })));
    const swapped = await rewritten(bundle, (name, data) => (name.endsWith('/model.sig') ? strangersSignature : data));
    const resigned = await rewritten(bundle, (name, data) => {
      if (name !== 'index.sig.json') return data;
      const index = JSON.parse(Buffer.from(JSON.parse(data.toString()).dsseEnvelope.payload, 'base64').toString());
      return signIndex(stranger, { ...index, site: { publicKeyPem: stranger.publicKey.pem, fingerprint: stranger.publicKey.fingerprint } });
    });
    const cases: [string, Buffer, string][] = [
      ['flipped byte', flipped, 'bundle_entry_tampered'],
      ['removed file', removed, 'bundle_entry_missing'],
      ['swapped signature', swapped, 'bundle_entry_tampered'],
      ['unknown key', resigned, 'bundle_signer_unknown'],
      ['truncated', bundle.subarray(0, bundle.length - 3000), 'bundle_truncated'],
      ['unsigned', await rewritten(bundle, (name, data) => (name === 'index.sig.json' ? null : data)), 'bundle_unsigned'],
    ];
    for (const [label, bytes, code] of cases) {
      const reply = await importInto(siteB, bytes);
      expect({ label, status: reply.status, code: reply.body?.code }).toEqual({ label, status: 400, code });
      expect(await footprint(siteB)).toEqual(before);
    }
  });

  it('lands an approved version on a site that trusts the exporter: same bytes, re-signed, served by /hf', async () => {
    const reply = await importInto(siteB, bundle);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      signer: keyA.fingerprint,
      trusted: true,
      versions: [{ model: 'acme/tiny', version: '1', outcome: 'approved', license: 'apache-2.0' }],
    });
    const viewer = await siteB.keyFor('viewer');
    const base = '/v1/models/acme/tiny/versions/1';
    const [filesA, filesB] = await Promise.all([siteA, siteB].map((site) => site.request('GET', `${base}/files`, admin)));
    const manifest = (reply: Reply) =>
      (reply.body.items ?? reply.body).map((file: { path: string; size: number; sha256: string }) => [file.path, file.size, file.sha256]);
    expect(manifest(filesB!)).toEqual(manifest(filesA!));
    for (const [file, bytes] of Object.entries(FILES)) {
      const served = await siteB.request('GET', `/hf/acme/tiny/resolve/main/${file}`, { key: viewer });
      expect({ file, status: served.status, same: served.raw.equals(bytes) }).toEqual({ file, status: 200, same: true });
    }
    const [keyB] = (await siteB.request('GET', '/v1/signing-keys', admin)).body.items;
    const signature = await siteB.request('GET', `${base}/signature`, { key: viewer });
    const statement = verifiedStatement(signature.body, keyB.publicKeyPem);
    expect(statement.predicate.resources.map((r: { name: string; digest: string }) => [r.name, r.digest]).sort()).toEqual(
      Object.entries(FILES)
        .map(([file, bytes]) => [file, sha256(bytes)])
        .sort(),
    );
    const origin = await siteB.request('GET', `${base}/origin`, admin);
    expect(origin.body).toMatchObject({ siteFingerprint: keyA.fingerprint, trusted: true });
    expect(verifiedStatement(JSON.parse(origin.body.signature), keyA.publicKeyPem).subject[0].name).toBe('acme/tiny');
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const before = await footprint(siteB);
    const again = await importInto(siteB, bundle);
    expect(again.status).toBe(200);
    expect(again.body.versions).toEqual([{ model: 'acme/tiny', version: '1', outcome: 'unchanged', license: null }]);
    expect(await footprint(siteB)).toEqual(before);
  });

  it('lands versions for review, with the source evidence, where the exporter is expected but not trusted', async () => {
    expect((await importInto(siteC, bundle)).body.code).toBe('bundle_signer_unknown');
    const reply = await importInto(siteC, bundle, `?signer=${keyA.fingerprint}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ trusted: false, versions: [{ model: 'acme/tiny', outcome: 'pending_review' }] });
    const [version] = await siteC.sql<{ status: string }>(`SELECT status FROM model_versions WHERE label = '1'`);
    expect(version!.status).toBe('pending_review');
    const origin = await siteC.request('GET', '/v1/models/acme/tiny/versions/1/origin', admin);
    expect(origin.body.trusted).toBe(false);
    expect(origin.body.evidence.reviews).toEqual([expect.objectContaining({ decision: 'approved', comment: 'fine' })]);
    expect(origin.body.evidence.license).toMatchObject({ id: 'apache-2.0' });
  });

  it('answers two imports of the same bundle at once with a result or a conflict, never a 500', async () => {
    await approvedOnA('twice', '1');
    const twice = await exported(siteA, ['acme/twice@1']);
    const replies = await Promise.all([importInto(siteB, twice), importInto(siteB, twice)]);
    expect(replies.map((reply) => reply.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(replies.some((reply) => reply.status === 200)).toBe(true);
    const [count] = await siteB.sql<{ n: string }>(
      `SELECT count(*) AS n FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'twice'`,
    );
    expect(Number(count!.n)).toBe(1);
  });

  it('lands a license the receiving catalog does not know as unknown, keeping the carried terms as evidence', async () => {
    await siteA.sql(
      `INSERT INTO licenses (id, name, terms, updated_at)
       VALUES ('acme-internal', 'ACME internal', '{"commercialUse": "yes", "summary": "ACME staff only"}', now())`,
    );
    await approvedOnA('internal', '1', 'acme-internal');
    const reply = await importInto(siteB, await exported(siteA, ['acme/internal@1']));
    expect(reply.body.versions).toEqual([expect.objectContaining({ model: 'acme/internal', outcome: 'approved', license: 'unknown' })]);
    const [version] = await siteB.sql<{ license_id: string }>(
      `SELECT v.license_id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'internal'`,
    );
    expect(version!.license_id).toBe('unknown');
    const origin = await siteB.request('GET', '/v1/models/acme/internal/versions/1/origin', admin);
    expect(origin.body.evidence.license).toMatchObject({ id: 'acme-internal', terms: { summary: 'ACME staff only' } });
  });
});

describe('the vetted export and import commands', () => {
  it('carry a model from one running site to another over loopback', async () => {
    const siteD = await ApiHarness.start();
    try {
      await siteD.request('POST', '/v1/trusted-keys', { ...admin, body: { name: 'site A', pem: keyA.publicKeyPem } });
      const [fromUrl, toUrl] = await Promise.all([siteA.listen(), siteD.listen()]);
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'vetted-cli-')), 'bundle.tar');
      const lines: string[] = [];
      await exportBundle({ url: fromUrl, token: ADMIN_TOKEN }, ['acme/tiny'], out, (line) => lines.push(line));
      await importBundle({ url: toUrl, token: ADMIN_TOKEN }, out, undefined, (line) => lines.push(line));
      expect(lines.at(-1)).toBe('acme/tiny@1: approved');
      const [version] = await siteD.sql<{ status: string }>(`SELECT status FROM model_versions WHERE label = '1'`);
      expect(version!.status).toBe('approved');
    } finally {
      await siteD.close();
    }
  });
});

/** DSSE verification from the specification (PAE over type and payload), sharing no code with Vetted. */
function verifiedStatement(bundle: { dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] } }, pem: string) {
  const { payload, payloadType, signatures } = bundle.dsseEnvelope;
  const body = Buffer.from(payload, 'base64');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${body.length} `), body]);
  const key = createPublicKey(pem);
  expect(verify('sha256', pae, key, Buffer.from(signatures[0]!.sig, 'base64'))).toBe(true);
  return JSON.parse(body.toString('utf8'));
}
