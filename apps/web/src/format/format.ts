const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Decimal units, as the Hub shows file sizes: 1 536 000 → "1.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${SIZE_UNITS[unit]}`;
}

const COUNT_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Parameter counts the way model names state them: 6 738 415 616 → "6.7B". */
export function formatParameters(count: number): string {
  for (const [size, suffix] of COUNT_UNITS) {
    if (count >= size) {
      const value = count / size;
      return `${value >= 100 ? Math.round(value) : Number(value.toPrecision(value >= 10 ? 3 : 2))}${suffix}`;
    }
  }
  return String(count);
}

const MULTIPLIERS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** "7B", "350m", "1.5 K", "1.5e9", "120000" → a count; anything else → undefined. */
export function parseParameters(text: string): number | undefined {
  const match = text.trim().match(/^(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmbt]?)$/i);
  if (!match) return undefined;
  const count = Math.round(Number(match[1]) * (MULTIPLIERS[match[2]!.toLowerCase()] ?? 1));
  return Number.isSafeInteger(count) ? count : undefined;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string): string => dateTime.format(new Date(iso));

export const shortSha = (sha: string): string => sha.slice(0, 12);
