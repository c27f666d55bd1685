import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AddressPolicy, type PostOptions, postWebhook, RESPONSE_BYTES_KEPT } from '../src/index.js';
import { type RecordingNetwork, recordingNetwork } from './recording-network.js';
import { TestReceiver } from './test-receiver.js';

const post = (url: string) => ({ url, headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' }, body: '{"type":"test"}' });

const defaultPolicy = new AddressPolicy({ allowLoopback: false, allow: [], deny: [] });
const loopbackPolicy = new AddressPolicy({ allowLoopback: true, allow: [], deny: [] });

let receiver: TestReceiver;
let network: RecordingNetwork;
const options = (policy: AddressPolicy, overrides: Partial<PostOptions> = {}): PostOptions => ({
  policy,
  network,
  timeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  ...overrides,
});

beforeAll(async () => {
  receiver = await TestReceiver.start();
});
afterAll(() => receiver?.close());
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.answer = (_request, response) => response.end('ok');
  network = recordingNetwork({
    'receiver.test': ['127.0.0.1'],
    'rebinding.test': ['127.0.0.1'],
    'metadata.test': ['169.254.169.254'],
    'mixed.test': ['10.0.0.8', '169.254.169.254'],
    'ci.internal.test': ['10.20.30.40'],
  });
});

describe('posting a webhook', () => {
  it('sends the body and headers and reports a 2xx as a success', async () => {
    const outcome = await postWebhook(post(`http://receiver.test:${receiver.port}/hooks`), options(loopbackPolicy));
    expect(outcome).toMatchObject({ ok: true, status: 200, error: null, responseBody: 'ok' });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    expect(network.connections).toEqual(['127.0.0.1']);
    expect(receiver.requests).toMatchObject([
      {
        method: 'POST',
        url: '/hooks',
        body: '{"type":"test"}',
        headers: { 'webhook-id': 'msg_1', host: `receiver.test:${receiver.port}` },
      },
    ]);
  });

  it('reports any other answer as a failure, with the start of its body', async () => {
    receiver.answer = (_request, response) => response.writeHead(503).end('down for maintenance');
    expect(await postWebhook(post(receiver.url), options(loopbackPolicy))).toMatchObject({
      ok: false,
      status: 503,
      error: 'answered 503',
      responseBody: 'down for maintenance',
    });
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await TestReceiver.start();
    try {
      receiver.answer = (_request, response) => response.writeHead(307, { location: elsewhere.url }).end();
      const outcome = await postWebhook(post(receiver.url), options(loopbackPolicy));
      expect(outcome).toMatchObject({ ok: false, status: 307, error: `redirect (307) to ${elsewhere.url} not followed` });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps only the start of a large answer, as text without NUL characters', async () => {
    receiver.answer = (_request, response) => response.end(Buffer.concat([Buffer.from('a\0b'), Buffer.alloc(1024 * 1024, 'x')]));
    const outcome = await postWebhook(post(receiver.url), options(loopbackPolicy));
    expect(outcome.ok).toBe(true);
    expect(outcome.responseBody).toHaveLength(RESPONSE_BYTES_KEPT);
    expect(outcome.responseBody!.startsWith('a\uFFFDb')).toBe(true);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    receiver.answer = () => undefined; // never answers
    const outcome = await postWebhook(post(receiver.url), options(loopbackPolicy, { timeoutMs: 300 }));
    expect(outcome).toMatchObject({ ok: false, status: null, error: 'no answer within 300 ms' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('gives up on a connection that is never made', async () => {
    const silent: RecordingNetwork = { ...network, connect: () => new net.Socket() };
    const outcome = await postWebhook(
      post('http://ci.internal.test/hooks'),
      options(defaultPolicy, { network: silent, connectTimeoutMs: 200 }),
    );
    expect(outcome).toMatchObject({ ok: false, error: 'could not connect to ci.internal.test within 200 ms' });
  });

  it('reports a receiver that refuses connections', async () => {
    const down = await TestReceiver.start();
    await down.close();
    const outcome = await postWebhook(post(down.url), options(loopbackPolicy));
    expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('the outbound address policy, checked when connecting', () => {
  it.each([
    ['loopback by default', `http://127.0.0.1:PORT/hooks`, '127.0.0.1 is a loopback address'],
    ['IPv6 loopback', `http://[::1]:PORT/hooks`, '::1 is a loopback address'],
    ['IPv4-mapped loopback', `http://[::ffff:127.0.0.1]:PORT/hooks`, '::ffff:7f00:1 is a loopback address'],
    [
      'a host name that resolves to loopback',
      `http://rebinding.test:PORT/hooks`,
      'rebinding.test resolves to 127.0.0.1, a loopback address',
    ],
  ])('refuses %s without connecting', async (_case, url, error) => {
    const outcome = await postWebhook(post(url.replace('PORT', String(receiver.port))), options(defaultPolicy));
    expect(outcome).toMatchObject({ ok: false, status: null, error });
    expect(network.connections).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });

  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['the IPv6 metadata address', 'http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254 is a cloud metadata address'],
    [
      'a host name that resolves to it',
      'https://metadata.test/computeMetadata/v1/',
      'metadata.test resolves to 169.254.169.254, a cloud metadata address',
    ],
    [
      'a host name with one refused address among others',
      'http://mixed.test/',
      'mixed.test resolves to 169.254.169.254, a cloud metadata address',
    ],
  ])('refuses %s without connecting', async (_case, url, error) => {
    expect(await postWebhook(post(url), options(loopbackPolicy))).toMatchObject({ ok: false, error });
    expect(network.connections).toEqual([]);
  });

  it('connects to a private address, the one it checked', async () => {
    const outcome = await postWebhook(post('http://ci.internal.test:8080/hooks'), options(defaultPolicy));
    // The test network refuses to leave loopback: reaching it proves the policy let the address through.
    expect(outcome).toMatchObject({ ok: false, error: 'test network: not connecting to 10.20.30.40' });
    expect(network.connections).toEqual(['10.20.30.40']);
  });

  it('reports a host name with no address', async () => {
    expect(await postWebhook(post('http://nowhere.test/'), options(defaultPolicy))).toMatchObject({
      ok: false,
      error: 'nowhere.test has no address',
    });
  });
});
