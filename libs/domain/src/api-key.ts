import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_LENGTH = 34; // 34 × log2(62) ≈ 202 bits, the same shape as a Hugging Face token

/**
 * A new API key. The `hf_` prefix is required by the Hugging Face JS client, which refuses
 * tokens without it, so the same key works against Vetted's `/hf` endpoint.
 */
export function generateApiKey(): string {
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += ALPHABET[randomInt(ALPHABET.length)];
  return `hf_${secret}`;
}

/** Keys carry ~200 random bits, so a fast unsalted hash is enough to make a stolen table useless. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The start of a key, safe to show in listings so people can tell their keys apart. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 7);
}

export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashApiKey(a), 'hex'), Buffer.from(hashApiKey(b), 'hex'));
}
