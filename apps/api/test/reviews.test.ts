import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let reviewer: string;
let viewer: string;
let hubUrl: string;

/** A pickle whose loading would run `os.system`: what the scanner exists to catch. It is never loaded here. */
const DANGEROUS_PICKLE = Buffer.from("cos\nsystem\n(S'echo pwned'\ntR.", 'latin1');

/** A submitted version with one file (a real ONNX model unless `file` says otherwise), published by `key`, scanned. */
async function submitted(
  name: string,
  version: string,
  options: { key?: string; license?: string | null; scan?: boolean; file?: { path: string; bytes: Buffer } } = {},
): Promise<string> {
  const key = options.key ?? publisher;
  const base = `/v1/models/rev/${name}`;
  if ((await api.request('GET', base, { key })).status === 404) {
    const license = options.license === undefined ? 'apache-2.0' : options.license;
    expect(
      (await api.request('POST', '/v1/models', { key, body: { namespace: 'rev', name, ...(license ? { license } : {}) } })).status,
    ).toBe(201);
  }
  expect((await api.request('POST', `${base}/versions`, { key, body: { version } })).status).toBe(201);
  const file = options.file ?? { path: 'model.onnx', bytes: mlpModel(4, 1) };
  await api.request('PUT', `${base}/versions/${version}/files/${file.path}`, {
    key,
    rawBody: file.bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect((await api.request('POST', `${base}/versions/${version}/submit`, { key })).status).toBe(201);
  if (options.scan !== false) await api.scan('rev', name, version);
  return base;
}

const review = (base: string, version: string, key: string, body: Record<string, unknown>) =>
  api.request('POST', `${base}/versions/${version}/reviews`, { key, body });

beforeAll(async () => {
  api = await ApiHarness.start();
  hubUrl = `${await api.listen()}/hf`;
  publisher = await api.keyFor('publisher');
  reviewer = await api.keyFor('reviewer');
  viewer = await api.keyFor('viewer');
});
afterAll(() => api?.close());

describe('reviews', () => {
  it('lists pending versions oldest first with their evidence, for reviewers only', async () => {
    const base = await submitted('queued', '1', { scan: false });
    const queue = await api.request('GET', '/v1/reviews/queue', { key: reviewer });
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { model: string }) => i.model === 'rev/queued');
    expect(item).toMatchObject({
      version: '1',
      publishedBy: expect.stringMatching(/^key:/),
      evidence: {
        license: { id: 'apache-2.0', commercialUse: 'yes' },
        scan: { pending: 1, clean: 0, critical: 0 },
        manifest: { commitSha: expect.stringMatching(/^[0-9a-f]{40}$/), files: 1 },
        benchmarks: [],
        blockers: ['1 file(s) not scanned yet'],
        overridable: [],
      },
    });
    expect((await api.request('GET', '/v1/reviews/queue', { key: publisher })).status).toBe(403);
    expect((await review(base, '1', publisher, { decision: 'approve', comment: 'mine' })).status).toBe(403);
  });

  it('approves with the evidence recorded, once, and makes the version downloadable by viewers and Hub clients', async () => {
    const base = await submitted('approve-me', '1');
    // Before approval the model does not exist for viewers at all.
    expect((await api.request('GET', `${base}/versions/1/files/model.onnx`, { key: viewer })).status).toBe(404);
    const approved = await review(base, '1', reviewer, { decision: 'approve', comment: 'Card, license and files checked' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      decision: 'approved',
      reviewer: expect.stringMatching(/^key:/),
      evidence: { license: { id: 'apache-2.0' } },
    });
    expect((await api.request('GET', `${base}/versions/1`, { key: viewer })).body.status).toBe('approved');
    expect((await api.request('GET', `${base}/versions/1/files/model.onnx`, { key: viewer })).status).toBe(200);
    expect(
      (await fetch(`${hubUrl}/rev/approve-me/resolve/main/model.onnx`, { headers: { authorization: `Bearer ${viewer}` } })).status,
    ).toBe(200);

    const again = await review(base, '1', reviewer, { decision: 'reject', comment: 'changed my mind' });
    expect([again.status, again.body.code]).toEqual([409, 'version_not_pending']);
    const history = await api.request('GET', `${base}/versions/1/reviews`, { key: viewer });
    expect(history.body.items).toHaveLength(1);
    const audit = await api.sql(`SELECT actor, action FROM audit_events WHERE subject_id = 'rev/approve-me@1' ORDER BY id`);
    // file.uploaded and file.downloaded are recorded against the file (…@1/model.onnx), not the version.
    expect(audit.map((a) => a.action)).toEqual(['version.created', 'version.submitted', 'version.scanned', 'version.approved']);
  });

  it("keeps a version's reviews and evidence from viewers until it is approved", async () => {
    const base = await submitted('two-versions', '1');
    expect((await review(base, '1', reviewer, { decision: 'approve', comment: 'fine' })).status).toBe(201);
    await submitted('two-versions', '2', { file: { path: 'pytorch_model.bin', bytes: DANGEROUS_PICKLE } });
    expect((await review(base, '2', reviewer, { decision: 'reject', comment: 'runs os.system' })).status).toBe(201);
    expect((await api.request('GET', `${base}/versions/1/reviews`, { key: viewer })).status).toBe(200);
    const hidden = await api.request('GET', `${base}/versions/2/reviews`, { key: viewer });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'version_not_found']);
  });

  it('refuses self-approval, except by an admin who gives a reason', async () => {
    const ownBase = await submitted('own', '1', { key: reviewer });
    const own = await review(ownBase, '1', reviewer, { decision: 'approve', comment: 'looks fine to me' });
    expect([own.status, own.body.code]).toEqual([403, 'self_approval']);

    const adminBase = await submitted('admin-own', '1', { key: ADMIN_TOKEN });
    expect((await review(adminBase, '1', ADMIN_TOKEN, { decision: 'approve', comment: 'ok' })).body.code).toBe('self_approval');
    const overridden = await review(adminBase, '1', ADMIN_TOKEN, {
      decision: 'approve',
      comment: 'ok',
      overrideReason: 'sole maintainer on call',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.overrideReason).toBe('sole maintainer on call');
  });

  it.each([
    ['no license', { license: null }, 'no license declared'],
    ['an unknown license', { license: 'unknown' }, 'license "unknown" is unknown'],
  ])('blocks approval with %s but allows rejection', async (name, options, reason) => {
    const slug = name.replaceAll(' ', '-');
    const base = await submitted(slug, '1', options);
    const blocked = await review(base, '1', reviewer, { decision: 'approve', comment: 'want it' });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'approval_blocked']);
    expect(blocked.body.detail).toContain(reason);
    expect((await api.request('GET', `${base}/versions/1`, { key: publisher })).body.status).toBe('pending_review');
    const rejected = await review(base, '1', reviewer, { decision: 'reject', comment: 'license unclear' });
    expect(rejected.body.decision).toBe('rejected');
  });

  it('blocks approval until the scan has run, and never lets an admin skip it', async () => {
    const base = await submitted('unscanned', '1', { scan: false });
    for (const [key, extra] of [
      [reviewer, {}],
      [ADMIN_TOKEN, { overrideReason: 'in a hurry' }],
    ] as const) {
      const blocked = await review(base, '1', key, { decision: 'approve', comment: 'x', ...extra });
      expect([blocked.status, blocked.body.code, blocked.body.blockers]).toEqual([409, 'approval_blocked', ['1 file(s) not scanned yet']]);
    }
    await api.scan('rev', 'unscanned', '1');
    expect((await review(base, '1', reviewer, { decision: 'approve', comment: 'scanned and clean' })).status).toBe(201);
  });

  it('blocks approval of a critical scan finding with the findings, unless an admin overrides with a recorded reason', async () => {
    const base = await submitted('dangerous', '1', { file: { path: 'pytorch_model.bin', bytes: DANGEROUS_PICKLE } });
    const scan = await api.request('GET', `${base}/versions/1/scan`, { key: reviewer });
    expect(scan.body).toMatchObject({ status: 'critical', files: [{ path: 'pytorch_model.bin', status: 'critical' }] });

    const blocked = await review(base, '1', reviewer, { decision: 'approve', comment: 'x' });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'approval_blocked']);
    expect(blocked.body.detail).toContain('critical scan finding in pytorch_model.bin');
    const [blocking] = blocked.body.findings;
    expect(blocking.path).toBe('pytorch_model.bin');
    expect(blocking.findings).toContainEqual(
      expect.objectContaining({
        severity: 'critical',
        code: 'pickle_dangerous_global',
        evidence: expect.objectContaining({ module: 'os', name: 'system' }),
      }),
    );
    const withoutReason = await review(base, '1', ADMIN_TOKEN, { decision: 'approve', comment: 'x' });
    expect(withoutReason.body.code).toBe('approval_blocked');
    expect((await api.request('GET', `${base}/versions/1`, { key: publisher })).body.status).toBe('pending_review');

    const overridden = await review(base, '1', ADMIN_TOKEN, {
      decision: 'approve',
      comment: 'isolated research cluster',
      overrideReason: 'loaded only in a sandbox without network',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.evidence.criticalFindings[0].path).toBe('pytorch_model.bin');
    const [audit] = await api.sql(`SELECT data FROM audit_events WHERE action = 'version.approved' AND subject_id = 'rev/dangerous@1'`);
    expect(audit!.data).toMatchObject({ overrideReason: 'loaded only in a sandbox without network', overrides: ['scan_findings'] });
  });

  it('deprecates (still downloadable) and revokes (gone everywhere, /hf included)', async () => {
    const base = await submitted('lifecycle', '1');
    const early = await api.request('POST', `${base}/versions/1/deprecate`, { key: reviewer, body: { reason: 'too early' } });
    expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);
    await review(base, '1', reviewer, { decision: 'approve', comment: 'ok' });

    const deprecated = await api.request('POST', `${base}/versions/1/deprecate`, { key: reviewer, body: { reason: 'superseded by 2' } });
    expect(deprecated.body.status).toBe('deprecated');
    expect((await api.request('GET', `${base}/versions/1/files/model.onnx`, { key: viewer })).status).toBe(200);
    expect((await fetch(`${hubUrl}/rev/lifecycle/resolve/1/model.onnx`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(
      200,
    );

    expect((await api.request('POST', `${base}/versions/1/revoke`, { key: publisher, body: { reason: 'x' } })).status).toBe(403);
    const revoked = await api.request('POST', `${base}/versions/1/revoke`, { key: reviewer, body: { reason: 'license withdrawn' } });
    expect(revoked.body.status).toBe('revoked');
    expect((await api.request('GET', `${base}/versions/1/files/model.onnx`, { key: viewer })).status).not.toBe(200);
    const hf = await fetch(`${hubUrl}/rev/lifecycle/resolve/1/model.onnx`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(hf.status).toBe(404);
    const audit = await api.sql(
      `SELECT action, data->>'reason' AS reason FROM audit_events WHERE subject_id = 'rev/lifecycle@1' AND action IN ('version.deprecated', 'version.revoked') ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'version.deprecated', reason: 'superseded by 2' },
      { action: 'version.revoked', reason: 'license withdrawn' },
    ]);
  });
});
