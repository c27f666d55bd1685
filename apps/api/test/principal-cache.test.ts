import { describe, expect, it } from 'vitest';
import { PrincipalCache } from '../src/auth/principal-cache.js';

describe('PrincipalCache', () => {
  const alice = { actor: 'key:a', name: 'alice', role: 'viewer' as const, keyId: 'a' };
  const bob = { actor: 'key:b', name: 'bob', role: 'admin' as const, keyId: 'b' };

  it('forgets an entry once its time is up', () => {
    let now = 1_000;
    const cache = new PrincipalCache(5_000, 10, () => now);
    const lookup = cache.begin();
    now += 1_000; // a slow lookup does not stretch the TTL
    cache.set('h1', alice, lookup);
    now += 3_999;
    expect(cache.get('h1')).toEqual(alice);
    now += 1;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('evicts every entry of a revoked key', () => {
    const cache = new PrincipalCache(5_000);
    cache.set('h1', alice, cache.begin());
    cache.set('h2', bob, cache.begin());
    cache.evictKey('a');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toEqual(bob);
  });

  it('ignores a lookup that started before a revocation', () => {
    const cache = new PrincipalCache(5_000);
    const lookup = cache.begin();
    cache.evictKey('a'); // revoked while the lookup read the old row
    cache.set('h1', alice, lookup);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('never grows past its bound', () => {
    const cache = new PrincipalCache(5_000, 3);
    for (let i = 0; i < 10; i++) cache.set(`h${i}`, alice, cache.begin());
    const kept = Array.from({ length: 10 }, (_, i) => cache.get(`h${i}`)).filter(Boolean);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(cache.get('h9')).toEqual(alice);
  });
});

describe('PrincipalCache limits', () => {
  const carol = { actor: 'key:c', name: 'carol', role: 'viewer' as const };

  it('never keeps an entry past its key’s own expiry', () => {
    let now = 1_000;
    const cache = new PrincipalCache(5_000, 10, () => now);
    cache.set('h1', carol, cache.begin(), 2_000);
    now = 1_999;
    expect(cache.get('h1')).toEqual(carol);
    now = 2_000;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets everything, lookups under way included, when an owner’s role changes', () => {
    const cache = new PrincipalCache(5_000);
    cache.set('h1', carol, cache.begin());
    const lookup = cache.begin();
    cache.evictAll();
    cache.set('h2', carol, lookup);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toBeUndefined();
  });
});
