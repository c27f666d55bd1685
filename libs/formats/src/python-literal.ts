import { FormatError } from './finding.js';

/**
 * A Python literal as `ast.literal_eval` builds it, for the subset NumPy writes in `.npy` headers: strings, ints,
 * booleans, None, tuples, lists and dicts with string keys. Tuples and lists stay apart: NumPy tells them apart.
 */
export type PyLiteral = string | bigint | boolean | null | PyTuple | PyList | PyDict;
export type PyTuple = { kind: 'tuple'; items: PyLiteral[] };
export type PyList = { kind: 'list'; items: PyLiteral[] };
export type PyDict = { kind: 'dict'; entries: Map<string, PyLiteral> };

export interface PythonLiteralOptions {
  /** The FormatError code for text that is not such a literal. */
  errorCode: string;
  maxDepth: number;
  /** Python 2 wrote longs as `3L`; NumPy strips the suffix from old headers. */
  longSuffix?: boolean;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Parses one literal, strictly: anything Python would read differently or that a writer of literals would not
 * produce (comments, implicit concatenation, duplicate keys, expressions) is refused, never guessed at.
 * Nothing is evaluated.
 */
export function parsePythonLiteral(text: string, options: PythonLiteralOptions): PyLiteral {
  return new LiteralParser(text, options).parseDocument();
}

class LiteralParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly options: PythonLiteralOptions,
  ) {}

  parseDocument(): PyLiteral {
    while (this.text[this.at] === ' ' || this.text[this.at] === '\t') this.at += 1;
    const value = this.value(0);
    this.skipSpace();
    if (this.at !== this.text.length) throw this.error('Text follows the literal');
    return value;
  }

  private value(depth: number): PyLiteral {
    if (depth > this.options.maxDepth) throw this.error(`The literal nests deeper than ${this.options.maxDepth} levels`);
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '{') return this.dict(depth);
    if (char === '[') return { kind: 'list', items: this.sequence(']', depth) };
    if (char === '(') return this.parenthesized(depth);
    if (char === "'" || char === '"' || ((char === 'u' || char === 'U') && /['"]/.test(this.text[this.at + 1] ?? ''))) {
      return this.string();
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.integer();
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.at, this.at + 64))?.[0];
    if (word === 'True' || word === 'False' || word === 'None') {
      this.at += word.length;
      return word === 'None' ? null : word === 'True';
    }
    throw this.error('Expected a string, number, True, False, None, tuple, list or dict');
  }

  private dict(depth: number): PyDict {
    this.at += 1;
    const entries = new Map<string, PyLiteral>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === '}') break;
      const key = this.value(depth + 1);
      if (typeof key !== 'string') throw this.error('A dict key is not a string');
      if (entries.has(key)) throw this.error(`The dict repeats the key '${key.slice(0, 40)}'`);
      this.expect(':');
      entries.set(key, this.value(depth + 1));
      if (!this.separator('}')) break;
    }
    this.at += 1;
    return { kind: 'dict', entries };
  }

  /** `()` and `(a,)` are tuples, `(a)` is `a`. */
  private parenthesized(depth: number): PyLiteral {
    const start = this.at;
    const items = this.sequence(')', depth);
    const lastNonSpace = this.text.slice(start, this.at - 1).trimEnd();
    if (items.length === 1 && !lastNonSpace.endsWith(',')) return items[0]!;
    return { kind: 'tuple', items };
  }

  /** Comma-separated values up to `close`, a trailing comma allowed; leaves the cursor past `close`. */
  private sequence(close: string, depth: number): PyLiteral[] {
    this.at += 1;
    const items: PyLiteral[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === close) break;
      items.push(this.value(depth + 1));
      if (!this.separator(close)) break;
    }
    this.at += 1;
    return items;
  }

  /** After an item: a comma (true: more may follow) or the closing bracket (false). */
  private separator(close: string): boolean {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === ',') {
      this.at += 1;
      return true;
    }
    if (char === close) return false;
    throw this.error(`Expected ',' or '${close}'`);
  }

  private integer(): bigint {
    const match = /^-?[ \t]*(0|[1-9][0-9]*)/.exec(this.text.slice(this.at, this.at + 4096));
    if (!match) throw this.error('A malformed number');
    this.at += match[0].length;
    if (this.options.longSuffix && (this.text[this.at] === 'L' || this.text[this.at] === 'l')) this.at += 1;
    if (/^[\w.]/.test(this.text[this.at] ?? '')) throw this.error('Only integers are expected');
    const value = BigInt(match[1]!);
    return match[0].startsWith('-') ? -value : value;
  }

  private string(): string {
    if (this.text[this.at] === 'u' || this.text[this.at] === 'U') this.at += 1;
    const quote = this.text[this.at]!;
    this.at += 1;
    let out = '';
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined || char === '\n' || char === '\r') throw this.error('A string does not end on its line');
      this.at += 1;
      if (char === quote) break;
      out += char === '\\' ? this.escape() : char;
    }
    this.skipSpace();
    const next = this.text[this.at];
    if (next === "'" || next === '"') throw this.error('Strings written next to each other are not accepted');
    return out;
  }

  private escape(): string {
    const char = this.text[this.at];
    if (char === undefined || char === '\n' || char === '\r') throw this.error('A string ends with a backslash');
    this.at += 1;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) return simple;
    if (char >= '0' && char <= '7') {
      let digits = char;
      while (digits.length < 3 && /[0-7]/.test(this.text[this.at] ?? '')) digits += this.text[this.at++]!;
      return String.fromCodePoint(parseInt(digits, 8));
    }
    const width = char === 'x' ? 2 : char === 'u' ? 4 : char === 'U' ? 8 : 0;
    if (width === 0) {
      if (char === 'N') throw this.error('Named escapes are not accepted');
      return `\\${char}`;
    }
    const hex = this.text.slice(this.at, this.at + width);
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw this.error('A malformed escape');
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw this.error('An escape beyond Unicode');
    this.at += width;
    return String.fromCodePoint(code);
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) throw this.error(`Expected '${char}'`);
    this.at += 1;
  }

  private skipSpace(): void {
    while (/[ \t\n\r\f]/.test(this.text[this.at] ?? '')) this.at += 1;
    if (this.text[this.at] === '#' || this.text[this.at] === '\\') throw this.error('Comments and line continuations are not accepted');
  }

  private error(message: string): FormatError {
    return new FormatError(this.options.errorCode, message, { offset: this.at });
  }
}

/** The literal as Python's `repr` writes it (for facts and messages). */
export function pythonRepr(value: PyLiteral): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value.kind === 'list') return `[${value.items.map(pythonRepr).join(', ')}]`;
  if (value.kind === 'tuple')
    return value.items.length === 1 ? `(${pythonRepr(value.items[0]!)},)` : `(${value.items.map(pythonRepr).join(', ')})`;
  return `{${[...value.entries].map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`).join(', ')}}`;
}
