import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ApiHarness } from './api-harness.js';

let api: ApiHarness;
let url: string;
let publisher: string;
let reviewer: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
async function feed(query: string): Promise<{ items: any[]; nextCursor: string }> {
  const reply = await api.request('GET', `/v1/events?${query}`, { key: reviewer });
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  api = await ApiHarness.start();
  url = await api.listen();
  publisher = await api.keyFor('publisher', 'Paula Publisher');
  reviewer = await api.keyFor('reviewer', 'Rolf Reviewer');
});
afterAll(() => api?.close());

describe('the event feed', () => {
  it('records one event per lifecycle change, with who did it, and pages by cursor', async () => {
    const model = '/v1/models/ev/feed';
    expect(
      (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'ev', name: 'feed', license: 'mit' } })).status,
    ).toBe(201);
    expect((await api.request('POST', `${model}/versions`, { key: publisher, body: { version: '1' } })).status).toBe(201);
    await api.request('PUT', `${model}/versions/1/files/model.onnx`, {
      key: publisher,
      rawBody: mlpModel(4, 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect((await api.request('POST', `${model}/versions/1/submit`, { key: publisher })).status).toBe(201);
    await api.scan('ev', 'feed', '1');
    // A refused approval changes nothing and says nothing.
    expect(
      (await api.request('POST', `${model}/versions/1/reviews`, { key: publisher, body: { decision: 'approve', comment: 'x' } })).status,
    ).toBe(403);
    const approved = await api.request('POST', `${model}/versions/1/reviews`, {
      key: reviewer,
      body: { decision: 'approve', comment: 'fine' },
    });
    expect(approved.status).toBe(201);

    await expect
      .poll(async () => (await feed('namespace=ev')).items.map((e) => e.type))
      .toEqual(['model.created', 'version.submitted', 'version.scanned', 'version.approved']);
    const [created, submitted, scanned, decided] = (await feed('namespace=ev')).items;
    expect(scanned).toMatchObject({ actor: { id: 'worker' }, payload: { statuses: { clean: 1 }, findings: expect.any(Object) } });
    expect(created).toMatchObject({ actor: { name: 'Paula Publisher' }, subject: { type: 'model', id: 'ev/feed' } });
    expect(submitted.payload).toMatchObject({
      model: 'ev/feed',
      version: '1',
      files: 1,
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(decided).toMatchObject({
      type: 'version.approved',
      actor: { id: expect.stringMatching(/^key:/), name: 'Rolf Reviewer' },
      subject: { type: 'model_version', id: 'ev/feed@1' },
      payload: { comment: 'fine', commitSha: submitted.payload.commitSha },
    });

    const first = await feed('namespace=ev&limit=3');
    expect(first.items).toHaveLength(3);
    const rest = await feed(`namespace=ev&cursor=${first.nextCursor}`);
    expect(rest.items.map((e) => e.type)).toEqual(['version.approved']);
    expect((await feed(`namespace=ev&cursor=${rest.nextCursor}`)).items).toEqual([]);
    expect((await feed('type=version.approved,version.rejected&namespace=ev')).items).toHaveLength(1);
    const revoked = await api.request('POST', `${model}/versions/1/revoke`, { key: reviewer, body: { reason: 'bad data' } });
    expect(revoked.status).toBe(200);
    await expect
      .poll(async () => (await feed(`namespace=ev&cursor=${rest.nextCursor}`)).items.map((e) => [e.type, e.payload.reason]))
      .toEqual([['version.revoked', 'bad data']]);
  });

  it('refuses unknown event types and viewers', async () => {
    const bad = await api.request('GET', '/v1/events?type=version.exploded', { key: reviewer });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect((await api.request('GET', '/v1/events', { key: await api.keyFor('viewer') })).status).toBe(403);
  });

  it('streams events as server-sent events, resuming after Last-Event-ID', async () => {
    const existing = await feed('namespace=sse');
    const controller = new AbortController();
    const response = await fetch(`${url}/v1/events/stream?namespace=sse`, {
      headers: { authorization: `Bearer ${reviewer}`, 'last-event-id': existing.nextCursor },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect((await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'sse', name: 'live' } })).status).toBe(201);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: model.created')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended before the event: ${text}`);
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    const data = JSON.parse(/data: (.*)\n/.exec(text)![1]!);
    expect(data).toMatchObject({ type: 'model.created', subject: { id: 'sse/live' }, actor: { name: 'Paula Publisher' } });
    expect(text).toMatch(new RegExp(`id: ${data.seq}\\n`));
  });

  it('streams only what happens next without a cursor, naming where it starts', async () => {
    expect((await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'tail', name: 'before' } })).status).toBe(201);
    const before = await feed('namespace=tail');
    const controller = new AbortController();
    const response = await fetch(`${url}/v1/events/stream?namespace=tail`, {
      headers: { authorization: `Bearer ${reviewer}` },
      signal: controller.signal,
    });
    expect((await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'tail', name: 'after' } })).status).toBe(201);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: model.created')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended before the event: ${text}`);
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toMatch(new RegExp(`^retry: \\d+\\nid: ${before.nextCursor}\\n\\n`));
    expect(text).not.toContain('tail/before');
    expect(text).toContain('"id":"tail/after"');
  });
});
