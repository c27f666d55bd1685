import { describe, expect, it } from 'vitest';
import {
  apiKeyPrefix,
  decodeTimeCursor,
  DomainError,
  encodeTimeCursor,
  generateApiKey,
  hashApiKey,
  hasRole,
  repoNameProblem,
  sameSecret,
} from '@vetted/domain';

describe('repoNameProblem (Hugging Face naming rules)', () => {
  it.each(['gpt2', 'Llama-3.1-8B-Instruct', 'meta-llama', 'a_b.c', 'x'.repeat(96), '7b'])('accepts %s', (name) => {
    expect(repoNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'must not be empty'],
    ['x'.repeat(97), 'at most 96'],
    ['a--b', '"--"'],
    ['a..b', '".."'],
    ['-a', 'start or end'],
    ['a.', 'start or end'],
    ['a b', 'only letters'],
    ['a/b', 'only letters'],
    ['ünïcode', 'only letters'],
    ['a\u0000b', 'only letters'],
  ])('rejects %j', (name, reason) => {
    expect(repoNameProblem(name)).toContain(reason);
  });
});

describe('roles', () => {
  it('orders viewer < publisher < reviewer < admin', () => {
    expect(hasRole('admin', 'reviewer')).toBe(true);
    expect(hasRole('reviewer', 'publisher')).toBe(true);
    expect(hasRole('publisher', 'publisher')).toBe(true);
    expect(hasRole('publisher', 'reviewer')).toBe(false);
    expect(hasRole('viewer', 'publisher')).toBe(false);
  });
});

describe('API keys', () => {
  it('are hf_-prefixed, long and distinct', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^hf_[A-Za-z0-9]{34}$/);
  });

  it('hash to a stable SHA-256 hex digest that is not the key', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toContain(key.slice(3));
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 7));
  });

  it('compare secrets of any length without throwing', () => {
    expect(sameSecret('a'.repeat(40), 'a'.repeat(40))).toBe(true);
    expect(sameSecret('a'.repeat(40), 'a')).toBe(false);
  });
});

describe('time cursors', () => {
  it('round-trip', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '0b7a6c1e-8e8b-4c43-9d4e-0a6f4c9d2e11' };
    expect(decodeTimeCursor(encodeTimeCursor(position))).toEqual(position);
  });

  it.each(['garbage', Buffer.from('{"t":"x","i":"y"}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'reject a foreign cursor %j as invalid input',
    (cursor) => {
      try {
        decodeTimeCursor(cursor);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).kind).toBe('invalid');
        expect((error as DomainError).fields[0]?.field).toBe('cursor');
      }
    },
  );
});
