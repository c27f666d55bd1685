import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';

let api: ApiHarness;
let viewer: string;
let publisher: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  viewer = await api.keyFor('viewer');
  publisher = await api.keyFor('publisher');
});
afterAll(() => api?.close());

describe('license checks over HTTP', () => {
  it('answers for a license, with reasons, obligations and the disclaimer', async () => {
    const reply = await api.request('POST', '/v1/licenses/llama3.1/check', {
      key: viewer,
      body: { commercial: true, monthlyActiveUsers: 800_000_000, distribution: 'internal' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ license: 'llama3.1', verdict: 'not_allowed', reasons: [{ term: 'user threshold' }] });
    expect(reply.body.reasons[0].source).toMatch(/^https:\/\//);
    expect(reply.body.disclaimer).toContain('not legal advice');
  });

  it('answers for a model, using its task to know it is multimodal', async () => {
    await api.request('POST', '/v1/models', {
      key: publisher,
      body: { namespace: 'meta', name: 'vision', task: 'image-text-to-text', license: 'llama3.2' },
    });
    const reply = await api.request('POST', '/v1/models/meta/vision/license-check', {
      key: publisher,
      body: { commercial: true, monthlyActiveUsers: 5, distribution: 'external', region: 'DE' },
    });
    expect(reply.body).toMatchObject({ license: 'llama3.2', verdict: 'not_allowed', reasons: [{ term: 'geographic exclusion' }] });
  });

  it('validates the intended use and knows only catalog licenses', async () => {
    const bad = await api.request('POST', '/v1/licenses/mit/check', {
      key: viewer,
      body: { commercial: 'yes', distribution: 'everywhere' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['commercial', 'distribution']);
    const missing = await api.request('POST', '/v1/licenses/made-up/check', {
      key: viewer,
      body: { commercial: false, distribution: 'none' },
    });
    expect(missing.status).toBe(404);
  });
});
