/**
 * Polls `probe` until it gives a value (anything but undefined) and returns it; fails naming `what` after
 * `timeoutMs`. Ceilings are generous (CI machines are loaded); the wait ends as soon as the condition holds.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
