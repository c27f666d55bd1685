import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, webhookBody, webhookSecretKey } from '../src/index.js';

const event = {
  id: '0b4c3a52-8d1e-4f57-9a37-3f1a2b9c4d5e',
  type: 'version.approved',
  at: new Date('2026-12-05T10:00:00.000Z'),
  actor: 'key:7d0c1b6e-0f43-4a8e-9a11-2b3c4d5e6f70',
  actorName: 'Rolf Reviewer',
  subjectType: 'model_version',
  subjectId: 'acme/tiny-bert@1.0',
  namespace: 'acme',
  payload: { model: 'acme/tiny-bert', version: '1.0', commitSha: null, comment: 'fine ✓' },
};

describe('Standard Webhooks signatures', () => {
  it('makes whsec_ secrets of 32 random bytes, different every time', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs what the reference verifier (standardwebhooks) accepts, and nothing else', () => {
    const secret = generateWebhookSecret();
    const body = webhookBody(event);
    const headers = signWebhook(secret, event.id, new Date(), body);
    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);

    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({
      type: 'version.approved',
      timestamp: '2026-12-05T10:00:00.000Z',
      data: {
        event: event.id,
        actor: { id: event.actor, name: 'Rolf Reviewer' },
        subject: { type: 'model_version', id: 'acme/tiny-bert@1.0' },
        namespace: 'acme',
        payload: event.payload,
      },
    });
    expect(() => new Webhook(secret).verify(body.replace('fine', 'FINE'), { ...headers })).toThrow('No matching signature');
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow('No matching signature');
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'another' })).toThrow('No matching signature');
  });

  it('signs the time of sending, which receivers check against their clock', () => {
    const secret = generateWebhookSecret();
    const body = webhookBody(event);
    const stale = signWebhook(secret, event.id, new Date(Date.now() - 10 * 60_000), body);
    expect(() => new Webhook(secret).verify(body, { ...stale })).toThrow('Message timestamp too old');
  });
});
