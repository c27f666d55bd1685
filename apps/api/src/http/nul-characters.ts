/** What a field holding a NUL character is told: PostgreSQL can store none in text or jsonb. */
export const NUL_PROBLEM = 'must not contain NUL characters (\\u0000)';

/**
 * The fields (`a.b.0`, as validation errors name them; '' for the value itself) of a decoded JSON
 * body, query or set of path parameters whose value or key contains a NUL character. Walks without
 * recursion: a 1 MiB body can nest deeper than the call stack.
 */
export function nulCharacterFields(value: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; field: string }[] = [{ value, field: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string' && next.value.includes('\0')) found.push(next.field);
    if (typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, item] of Object.entries(next.value)) {
      const field = next.field ? `${next.field}.${key}` : key;
      if (key.includes('\0')) found.push(field);
      pending.push({ value: item, field });
    }
  }
  return found;
}
