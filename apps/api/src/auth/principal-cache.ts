import type { Principal } from './principal.js';

/**
 * Remembers recently authenticated keys for a few seconds, so a busy client costs one key lookup
 * per TTL instead of one per request. Revoking a key evicts it here at once; other API replicas
 * stop accepting it within the TTL.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();
  /** Bumped by every eviction: a lookup that started before one must not repopulate the cache. */
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(keyHash: string): Principal | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.principal;
  }

  /** Call before looking a key up; pass the result to `set`. */
  begin(): { startedAt: number; epoch: number } {
    return { startedAt: this.now(), epoch: this.epoch };
  }

  /**
   * The TTL counts from when the lookup started, so a slow lookup does not stretch it; an entry never
   * outlives `notAfter` (a key's own expiry).
   */
  set(keyHash: string, principal: Principal, lookup: { startedAt: number; epoch: number }, notAfter = Infinity): void {
    if (lookup.epoch !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear(); // bounded; refills from the database
    this.entries.set(keyHash, { principal, expiresAt: Math.min(lookup.startedAt + this.ttlMs, notAfter) });
  }

  evictKey(keyId: string): void {
    this.epoch++;
    for (const [hash, entry] of this.entries) if (entry.principal.keyId === keyId) this.entries.delete(hash);
  }

  /** After a person's role changed: their personal keys must be checked against it again. */
  evictAll(): void {
    this.epoch++;
    this.entries.clear();
  }
}
