import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { INestApplicationContext } from '@nestjs/common';
import { signIndex, type VersionRecord, writeBundle } from '@vetted/bundles';
import { generateSigningKeyPem, signApproval, signingKeyFromPem } from '@vetted/signing';
import { pack, extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../cli/src/export-command.js';
import { importBundle } from '../../cli/src/import-command.js';
import { createWorker } from '../../worker/src/worker.js';
import { ADMIN_TOKEN, ApiHarness, type Reply } from './api-harness.js';
import { admin, approvedOn, FILES, finishedExport, sha256 } from './bundle-fixtures.js';

const approval = {
  model: 'acme/tiny',
  version: '1',
  commitSha: '0'.repeat(40),
  licenseId: null,
  reviewer: 'someone',
  approvedAt: new Date(0).toISOString(),
};
/** A pickle whose loading would run `os.system`: this site's scanner finds it critical. It is never loaded here. */
const DANGEROUS_PICKLE = Buffer.from("cos\nsystem\n(S'echo pwned'\ntR.", 'latin1');
const manifestOf = (files: Record<string, Buffer>) =>
  Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));

let siteA: ApiHarness;
let siteB: ApiHarness;
let siteC: ApiHarness;
/** Sites A and B run a worker (A's writes exports, B's scans what arrives); C runs none, so its own scan stays pending. */
let workers: INestApplicationContext[];
let bundle: Buffer;
let keyA: { publicKeyPem: string; fingerprint: string };

const approvedOnA = (name: string, version: string, license?: string) => approvedOn(siteA, name, version, license);

async function exported(site: ApiHarness, models: string[]): Promise<Buffer> {
  const created = await site.request('POST', '/v1/exports', { ...admin, body: { models } });
  expect(created.status).toBe(202);
  expect(created.body).toMatchObject({ status: 'queued', attempts: 0 });
  const done = await finishedExport(site, created.body.id);
  expect(done).toMatchObject({ status: 'succeeded', versions: models, attempts: 1 });
  const download = await site.request('GET', `/v1/exports/${created.body.id}/download`, admin);
  expect(download.status).toBe(200);
  expect(download.raw.length).toBe(done.size);
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
  const quietA = { ...siteA.config, logLevel: 'error' as const, benchmarks: { ...siteA.config.benchmarks, auto: false } };
  workers = await Promise.all([createWorker(quietA), createWorker({ ...siteB.config, logLevel: 'error' })]);
  await approvedOnA('tiny', '1');
  [keyA] = (await siteA.request('GET', '/v1/signing-keys', admin)).body.items;
  bundle = await exported(siteA, ['acme/tiny@1']);
  const trusted = await siteB.request('POST', '/v1/trusted-keys', { ...admin, body: { name: 'site A', pem: keyA.publicKeyPem } });
  expect(trusted.status).toBe(201);
}, 180_000);
afterAll(async () => {
  await Promise.all((workers ?? []).map((worker) => worker.close()));
  await Promise.all([siteA, siteB, siteC].map((site) => site?.close()));
});

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

    // B checks what arrived itself: its own scan and automatic benchmark; A's results stay, marked as A's.
    await expect.poll(async () => (await siteB.request('GET', `${base}/scan`, admin)).body.status, { timeout: 60_000 }).not.toBe('pending');
    const [scanA, scanB] = await Promise.all([siteA, siteB].map((site) => site.request('GET', `${base}/scan`, admin)));
    const compared = await siteB.request('GET', `${base}/origin`, admin);
    expect(compared.body.origin).toMatchObject({ site: keyA.fingerprint, trusted: true, scan: scanA!.body.counts, criticalFindings: [] });
    expect(compared.body.local).toEqual({ scan: scanB!.body.counts, criticalFindings: [] });
    expect(scanB!.body.counts).toMatchObject({ pending: 0, critical: 0, error: 0 });
    const scanned = await siteB.sql(`SELECT actor FROM audit_events WHERE action = 'version.scanned' AND subject_id = 'acme/tiny@1'`);
    expect(scanned).toEqual([{ actor: 'worker' }]);
    const [run] = await siteB.sql<{ id: string; file: string; requested_by: string }>(`SELECT id, file, requested_by FROM benchmark_runs`);
    expect(run).toMatchObject({ file: 'model.onnx', requested_by: 'auto' });
    expect((await siteB.settledRun(ADMIN_TOKEN, run!.id)).status).toBe('succeeded');
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
    // The reviewer sees both: A's clean scan as A's, and C's own scan, not done yet (C runs no worker), blocking approval.
    const queue = await siteC.request('GET', '/v1/reviews/queue', admin);
    const { evidence } = queue.body.items.find((item: { model: string }) => item.model === 'acme/tiny');
    expect(evidence.origin).toMatchObject({ site: keyA.fingerprint, trusted: false, scan: { pending: 0, clean: 3 } });
    expect(evidence.scan).toMatchObject({ pending: 3, clean: 0 });
    expect(evidence.blockers).toContain('3 file(s) not scanned yet');
  });

  it('scans an approved import itself: a file the source called clean but this scanner finds critical shows so, beside the source verdict', async () => {
    const lenient = signingKeyFromPem(generateSigningKeyPem());
    const trusted = await siteB.request('POST', '/v1/trusted-keys', {
      ...admin,
      body: { name: 'lenient site', pem: lenient.publicKey.pem },
    });
    expect(trusted.status).toBe(201);
    const manifest = manifestOf({ 'pytorch_model.bin': DANGEROUS_PICKLE });
    const record: VersionRecord = {
      model: 'acme/lenient',
      version: '1',
      commitSha: approval.commitSha,
      modelInfo: { displayName: null, description: '', task: null, library: null, tags: [] },
      license: null,
      card: null,
      facts: {},
      approvedBy: 'someone',
      approvedAt: approval.approvedAt,
      files: manifest.map((file) => ({ ...file, format: null, scanStatus: 'clean', scanFindings: [], facts: {} })),
      reviews: [],
      benchmarks: [],
    };
    const signature = JSON.stringify(signApproval(lenient, { ...approval, model: 'acme/lenient', files: manifest }));
    const carried = await buffer(
      writeBundle(lenient, {
        versions: [{ model: record.model, version: record.version, record, signature, files: manifest }],
        openBlob: () => Promise.resolve(Readable.from([DANGEROUS_PICKLE])),
      }),
    );
    const reply = await importInto(siteB, carried);
    expect(reply.body.versions).toEqual([expect.objectContaining({ model: 'acme/lenient', outcome: 'approved' })]);

    const base = '/v1/models/acme/lenient/versions/1';
    await expect.poll(async () => (await siteB.request('GET', `${base}/scan`, admin)).body.status, { timeout: 60_000 }).toBe('critical');
    const origin = await siteB.request('GET', `${base}/origin`, admin);
    expect(origin.body.origin).toMatchObject({
      site: lenient.publicKey.fingerprint,
      scan: { clean: 1, critical: 0 },
      criticalFindings: [],
    });
    expect(origin.body.local.criticalFindings).toEqual([expect.objectContaining({ path: 'pytorch_model.bin', status: 'critical' })]);
    // The lifecycle revokes nothing on a scan: the approved version stays, its critical finding there for an admin to act on.
    expect((await siteB.request('GET', base, admin)).body.status).toBe('approved');
    const [event] = await siteB.sql<{ payload: { findings: Record<string, number> } }>(
      `SELECT payload FROM domain_events WHERE type = 'version.scanned' AND subject_id = 'acme/lenient@1'`,
    );
    expect(event!.payload.findings.critical).toBeGreaterThan(0);
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
