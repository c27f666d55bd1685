import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: a session, a sign-in's browser binding, a CSRF token. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Only hashes of cookie secrets are stored: a copy of the table opens no session. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
