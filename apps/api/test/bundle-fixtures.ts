import { createHash } from 'node:crypto';
import { expect, vi } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, type ApiHarness } from './api-harness.js';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
export const FILES = {
  'model.onnx': mlpModel(4, 1),
  'config.json': Buffer.from('{"hidden_size": 4}'),
  'README.md': Buffer.from('# tiny\n'),
};
export const admin = { key: ADMIN_TOKEN };

/** acme/<name>@<version> with FILES, uploaded, scanned and approved on `site` (which signs the approval). */
export async function approvedOn(site: ApiHarness, name: string, version: string, license = 'apache-2.0'): Promise<void> {
  const publisher = await site.keyFor('publisher', `publisher ${name}`);
  const reviewer = await site.keyFor('reviewer', `reviewer ${name}`);
  const base = `/v1/models/acme/${name}`;
  expect((await site.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name, license } })).status).toBe(201);
  expect((await site.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [file, bytes] of Object.entries(FILES)) {
    const put = await site.request('PUT', `${base}/versions/${version}/files/${file}`, {
      key: publisher,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  expect((await site.request('POST', `${base}/versions/${version}/submit`, { key: publisher })).status).toBe(201);
  await site.scan('acme', name, version);
  const review = await site.request('POST', `${base}/versions/${version}/reviews`, {
    key: reviewer,
    body: { decision: 'approve', comment: 'fine' },
  });
  expect(review.status).toBe(201);
}

/** The export once its worker has finished it (succeeded or failed); usable in beforeAll, unlike expect.poll. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
export function finishedExport(site: ApiHarness, id: string): Promise<Record<string, any>> {
  return vi.waitFor(
    async () => {
      const current = await site.request('GET', `/v1/exports/${id}`, admin);
      expect(current.body.status).toMatch(/^(succeeded|failed)$/);
      return current.body;
    },
    { timeout: 60_000, interval: 50 },
  );
}
