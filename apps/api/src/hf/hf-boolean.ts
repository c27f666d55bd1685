/** A boolean query or body parameter as the Hub reads it: `true`, `True`, `TRUE`, `1`… (older Python clients send `True`). */
export function hfBoolean(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hfBoolean);
  return value === true || (typeof value === 'string' && /^(true|1)$/i.test(value.trim()));
}
