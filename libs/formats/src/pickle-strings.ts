/**
 * Decoding of the text arguments an unpickler turns into `str`, exactly enough to know the module and name a
 * `STACK_GLOBAL` imports. `undefined` means "not decodable as CPython would": such a string can never pass as
 * a known name (the caller then treats the import as unresolvable).
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const SIMPLE_ESCAPES: Record<string, number> = {
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
};

/** BINUNICODE*, and BINSTRING / SHORT_BINSTRING under torch.load's `encoding='utf-8'`. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Protocol 0 `STRING`: a quoted Python 2 repr, decoded with `codecs.escape_decode`. */
export function decodeQuotedString(line: Uint8Array): string | undefined {
  const quote = line[0];
  if (line.length < 2 || (quote !== 0x22 && quote !== 0x27) || line[line.length - 1] !== quote) return undefined;
  const body = line.subarray(1, line.length - 1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i]!;
    if (byte !== 0x5c) {
      out.push(byte);
      continue;
    }
    i += 1;
    if (i >= body.length) return undefined; // "Trailing \ in string"
    const escape = String.fromCharCode(body[i]!);
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      out.push(simple);
    } else if (escape === 'x') {
      const hex = String.fromCharCode(body[i + 1] ?? 0, body[i + 2] ?? 0);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (escape >= '0' && escape <= '7') {
      let digits = escape;
      while (digits.length < 3 && /[0-7]/.test(String.fromCharCode(body[i + 1] ?? 0))) {
        i += 1;
        digits += String.fromCharCode(body[i]!);
      }
      out.push(parseInt(digits, 8) & 0xff);
    } else {
      out.push(0x5c, body[i]!); // unknown escapes keep their backslash
    }
  }
  return decodeUtf8(Uint8Array.from(out));
}

/** Protocol 0 `UNICODE`: `raw-unicode-escape`, where only `\uXXXX` and `\UXXXXXXXX` are escapes. */
export function decodeRawUnicodeEscape(line: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const byte = line[i]!;
    if (byte !== 0x5c) {
      out += String.fromCharCode(byte); // latin-1
      i += 1;
      continue;
    }
    let run = 0;
    while (line[i + run] === 0x5c) run += 1;
    const next = line[i + run];
    if (run % 2 === 1 && (next === 0x75 || next === 0x55)) {
      out += '\\'.repeat(run - 1);
      const width = next === 0x75 ? 4 : 8;
      const hex = String.fromCharCode(...line.subarray(i + run + 1, i + run + 1 + width));
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += run + 1 + width;
    } else {
      out += '\\'.repeat(run);
      i += run;
    }
  }
  return out;
}
