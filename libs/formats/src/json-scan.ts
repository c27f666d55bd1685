export interface JsonStructure {
  /** The nesting went deeper than allowed; the scan stopped there. */
  tooDeep: boolean;
  /** Keys seen twice in one object (the first few): `JSON.parse` silently keeps the last, other parsers the first. */
  duplicateKeys: string[];
}

const MAX_REPORTED_DUPLICATES = 10;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

interface Frame {
  /** The keys seen so far; null for an array. */
  keys: Set<string> | null;
  expectingKey: boolean;
}

/**
 * Walks JSON text outside strings, before `JSON.parse` builds anything: measures nesting and finds duplicate
 * keys. It trusts nothing about validity (malformed text gives some answer; `JSON.parse` rejects it after).
 */
export function scanJsonStructure(text: string, maxDepth: number): JsonStructure {
  const frames: Frame[] = [];
  const duplicateKeys: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      const frame = frames.at(-1);
      if (frame?.keys && frame.expectingKey) {
        const key = decodeKey(text.slice(i + 1, end));
        if (!frame.keys.has(key)) frame.keys.add(key);
        else if (duplicateKeys.length < MAX_REPORTED_DUPLICATES) duplicateKeys.push(key);
        frame.expectingKey = false;
      }
      i = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (frames.length >= maxDepth) return { tooDeep: true, duplicateKeys };
      const object = code === OPEN_OBJECT;
      frames.push({ keys: object ? new Set() : null, expectingKey: object });
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      frames.pop();
    } else if (code === COMMA) {
      const frame = frames.at(-1);
      if (frame?.keys) frame.expectingKey = true;
    }
  }
  return { tooDeep: false, duplicateKeys };
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i;
  }
  return -1;
}

/** `"a"` and `"\u0061"` are the same key. */
function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
