import { createHmac } from 'node:crypto';
import { webhookSecretKey } from './webhook-secret.js';

export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers for one attempt: the message id (the same on every retry, so receivers
 * can drop duplicates), the attempt's time in seconds, and `v1,` + base64 HMAC-SHA256 over
 * `id.timestamp.body` with the webhook's key.
 */
export function signWebhook(secret: string, id: string, sentAt: Date, body: string): WebhookSignatureHeaders {
  const timestamp = Math.floor(sentAt.getTime() / 1000).toString();
  const signature = createHmac('sha256', webhookSecretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
