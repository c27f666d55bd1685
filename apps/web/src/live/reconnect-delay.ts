/**
 * How long to wait before reconnection attempt `failures` (1 for the first): the base time doubled per
 * failure up to `maxMs`, then a random half of it taken off, so tabs cut off together do not all come back
 * at the same instant.
 */
export function reconnectDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
