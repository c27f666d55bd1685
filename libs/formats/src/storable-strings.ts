/**
 * What PostgreSQL's jsonb refuses although a JavaScript string can hold it: U+0000 (22P05, "unsupported
 * Unicode escape sequence"), and UTF-16 surrogates outside a pair, which JSON.stringify writes as `\ud800`.
 * Files put both in names: a NUL in a safetensors, GGUF, pickle or ONNX name, a lone surrogate escaped in a
 * JSON header, or a long name clipped between the halves of a pair.
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** U+FFFD, as a decoder writes for bytes it cannot decode: visibly not the file's text. */
const REPLACEMENT = '\uFFFD';
const MAX_SHOWN_CHARS = 200;

export interface StorableStrings<T> {
  value: T;
  /** The first string that had to change: where it was (`facts.inputs[0].name`) and what it was, escaped. */
  first?: { where: string; text: string };
}

/**
 * A copy of a JSON-like value (plain objects, arrays, primitives) in which every string, object keys included,
 * can be stored as jsonb: each NUL and each lone surrogate becomes U+FFFD. Also tells where the first change
 * was, for a finding.
 */
export function storableStrings<T>(value: T): StorableStrings<T> {
  let first: StorableStrings<T>['first'];
  const clean = (text: string, where: string): string => {
    const cleaned = text.replace(UNSTORABLE, REPLACEMENT);
    if (cleaned !== text) first ??= { where, text: shownEscaped(text) };
    return cleaned;
  };
  const visit = (item: unknown, where: string): unknown => {
    if (typeof item === 'string') return clean(item, where);
    if (Array.isArray(item)) return item.map((element, index) => visit(element, `${where}[${index}]`));
    if (typeof item !== 'object' || item === null) return item;
    return Object.fromEntries(
      Object.entries(item).map(([key, element]) => {
        const path = where === '' ? escaped(key) : `${where}.${escaped(key)}`;
        return [clean(key, `${path} (a key)`), visit(element, path)];
      }),
    );
  };
  const result = visit(value, '') as T;
  return first ? { value: result, first } : { value: result };
}

/** The text with NUL as `\0` and lone surrogates as `\u{D800}`: readable, and itself storable. */
function escaped(text: string): string {
  return text.replace(UNSTORABLE, (char) => (char === '\0' ? '\\0' : `\\u{${char.charCodeAt(0).toString(16).toUpperCase()}}`));
}

function shownEscaped(text: string): string {
  const chars = [...escaped(text)];
  return chars.length > MAX_SHOWN_CHARS ? `${chars.slice(0, MAX_SHOWN_CHARS).join('')}…` : chars.join('');
}
