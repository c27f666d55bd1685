import type { ByteSource } from './byte-source.js';
import { ChunkedReader } from './chunked-reader.js';
import { type Finding, FormatError } from './finding.js';
import { classifyGlobal } from './pickle-globals.js';
import { HIGHEST_PICKLE_PROTOCOL, OP, PICKLE_OPCODES } from './pickle-opcodes.js';
import { decodeQuotedString, decodeRawUnicodeEscape, decodeUtf8 } from './pickle-strings.js';

export interface PickleLimits {
  maxOpcodes: number;
  maxMemoEntries: number;
  maxStackDepth: number;
  maxGlobals: number;
}

export const DEFAULT_PICKLE_LIMITS: PickleLimits = {
  maxOpcodes: 10_000_000,
  maxMemoEntries: 1_000_000,
  maxStackDepth: 1_000_000,
  maxGlobals: 1_000,
};

export interface PickleGlobal {
  module: string;
  name: string;
  opcode: 'GLOBAL' | 'INST' | 'STACK_GLOBAL';
  /** Offset of the opcode in the source. */
  offset: number;
}

export interface PickleScan {
  /** The `PROTO` argument, else the highest protocol among the opcodes seen (0 or 1). */
  protocol: number;
  /** Each distinct import once, in order of appearance. */
  globals: PickleGlobal[];
  opcodeCount: number;
  /** Offset just past `STOP`, or where the walk stopped. */
  end: number;
  /** `STOP` was reached: what follows is not part of this pickle. */
  complete: boolean;
  /** The first opcode is `PROTO`: the bytes announce themselves as a pickle (protocol 2 or later). */
  startsWithProto: boolean;
  /** Offset of the last opcode that calls something (`REDUCE`, `BUILD`, `NEWOBJ`, `NEWOBJ_EX`, `OBJ`, `INST`). */
  lastCallOffset?: number;
  findings: Finding[];
}

export interface ScanPickleOptions {
  /** Names the pickle in findings (an archive entry, `data`, …). */
  name: string;
  start?: number;
  limits?: Partial<PickleLimits>;
}

/** Longest string kept for resolving `STACK_GLOBAL`: longer ones are no module or attribute name. */
const MAX_NAME_BYTES = 256;
/** All kept strings together, so that a pickle of a million short strings cannot fill memory. */
const MAX_KEPT_STRING_BYTES = 32 * 1024 * 1024;
const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const MAX_FINDINGS_PER_CODE = 20;
const GLOBAL_CODES = new Set(['pickle_dangerous_global', 'pickle_unknown_global']);

/** A stack or memo value: a `str` that could name a module or attribute, or `null` for anything else. */
type Value = string | null;

/**
 * Walks the opcodes of one pickle (protocols 0–5) without executing anything: the stack and memo are
 * simulated only far enough to know which strings `STACK_GLOBAL` consumes. Every import is classified
 * (`pickle-globals.ts`). Arguments are skipped by arithmetic, so bytes embedded in the pickle are never
 * read. Damage and hitting a limit are critical findings (fail closed) that keep what was seen before.
 */
export async function scanPickle(source: ByteSource, options: ScanPickleOptions): Promise<PickleScan> {
  const walker = new PickleWalker(source, options);
  try {
    await walker.walk();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    walker.report('critical', error.code, error.message, error.evidence);
  }
  return walker.result();
}

class PickleWalker {
  private readonly reader: ChunkedReader;
  private readonly limits: PickleLimits;
  private stack: Value[] = [];
  private readonly marks: Value[][] = [];
  /** Values and marks on the simulated stack, all frames together. */
  private depth = 0;
  private readonly memo = new Map<number, Value>();
  private readonly globals = new Map<string, PickleGlobal>();
  private readonly findings: Finding[] = [];
  private readonly reportedPerCode = new Map<string, number>();
  private keptStringBytes = 0;
  private opcodeCount = 0;
  private declaredProtocol: number | undefined;
  private highestOpcodeProtocol = 0;
  private complete = false;
  private startsWithProto = false;
  private lastCallOffset: number | undefined;
  private opcodeOffset = 0;

  constructor(
    source: ByteSource,
    private readonly options: ScanPickleOptions,
  ) {
    this.limits = { ...DEFAULT_PICKLE_LIMITS, ...options.limits };
    this.reader = new ChunkedReader(source, {
      limit: source.size,
      truncated: () => new FormatError('pickle_truncated', 'The pickle ends before its STOP opcode', this.where()),
      overLimit: () => new FormatError('pickle_truncated', 'The pickle ends before its STOP opcode', this.where()),
    });
    this.reader.position = options.start ?? 0;
  }

  result(): PickleScan {
    return {
      protocol: this.declaredProtocol ?? this.highestOpcodeProtocol,
      globals: [...this.globals.values()],
      opcodeCount: this.opcodeCount,
      end: this.reader.position,
      complete: this.complete,
      startsWithProto: this.startsWithProto,
      ...(this.lastCallOffset !== undefined ? { lastCallOffset: this.lastCallOffset } : {}),
      findings: this.findings,
    };
  }

  /** Globals are reported once each (and capped by `maxGlobals`); other codes only their first few times. */
  report(severity: Finding['severity'], code: string, message: string, evidence?: Record<string, unknown>): void {
    const count = this.reportedPerCode.get(code) ?? 0;
    this.reportedPerCode.set(code, count + 1);
    if (count >= MAX_FINDINGS_PER_CODE && !GLOBAL_CODES.has(code)) return;
    this.findings.push({ severity, code, message, evidence: { pickle: this.options.name, ...evidence } });
  }

  async walk(): Promise<void> {
    const reader = this.reader;
    while (!this.complete) {
      this.opcodeOffset = reader.position;
      if (!reader.has(1)) await reader.fill(1);
      const code = reader.u8();
      const opcode = PICKLE_OPCODES[code];
      if (!opcode) throw this.malformed(`Byte 0x${code.toString(16).padStart(2, '0')} is not a pickle opcode`);
      this.opcodeCount += 1;
      if (this.opcodeCount > this.limits.maxOpcodes) {
        throw new FormatError('pickle_limit_exceeded', `The pickle has more than ${this.limits.maxOpcodes} opcodes`, this.where());
      }
      if (opcode.protocol > this.highestOpcodeProtocol) this.highestOpcodeProtocol = opcode.protocol;
      await this.step(code);
      if (this.depth > this.limits.maxStackDepth) {
        throw new FormatError('pickle_limit_exceeded', `The pickle stack grows past ${this.limits.maxStackDepth} values`, this.where());
      }
    }
  }

  private async step(code: number): Promise<void> {
    switch (code) {
      case OP.PROTO: {
        const protocol = await this.uint(1);
        if (protocol > HIGHEST_PICKLE_PROTOCOL) throw this.malformed(`Unsupported pickle protocol ${protocol}`);
        this.declaredProtocol ??= protocol;
        if (this.opcodeCount === 1) this.startsWithProto = true;
        return;
      }
      case OP.FRAME:
        await this.uint(8);
        return;
      case OP.STOP:
        this.pop();
        this.complete = true;
        return;
      case OP.MARK:
        this.marks.push(this.stack);
        this.stack = [];
        this.depth += 1;
        return;
      case OP.POP:
        if (this.stack.length > 0) this.pop();
        else this.popMark();
        return;
      case OP.POP_MARK:
        this.popMark();
        return;
      case OP.DUP:
        this.push(this.top());
        return;

      case OP.NONE:
      case OP.NEWTRUE:
      case OP.NEWFALSE:
      case OP.EMPTY_LIST:
      case OP.EMPTY_TUPLE:
      case OP.EMPTY_DICT:
      case OP.EMPTY_SET:
      case OP.NEXT_BUFFER:
        this.push(null);
        return;
      case OP.BININT1:
        this.skip(1);
        this.push(null);
        return;
      case OP.BININT2:
        this.skip(2);
        this.push(null);
        return;
      case OP.BININT:
        this.skip(4);
        this.push(null);
        return;
      case OP.BINFLOAT:
        this.skip(8);
        this.push(null);
        return;
      case OP.INT:
      case OP.LONG:
      case OP.FLOAT:
      case OP.PERSID:
        await this.line();
        this.push(null);
        return;
      case OP.LONG1:
        this.skip(await this.uint(1));
        this.push(null);
        return;
      case OP.LONG4:
        this.skip(await this.signedLength());
        this.push(null);
        return;
      case OP.SHORT_BINBYTES:
        this.skip(await this.uint(1));
        this.push(null);
        return;
      case OP.BINBYTES:
        this.skip(await this.uint(4));
        this.push(null);
        return;
      case OP.BINBYTES8:
      case OP.BYTEARRAY8:
        this.skip(await this.uint(8));
        this.push(null);
        return;

      case OP.STRING: {
        const line = await this.line();
        this.pushString(line && decodeQuotedString(line));
        return;
      }
      case OP.UNICODE: {
        const line = await this.line();
        this.pushString(line && decodeRawUnicodeEscape(line));
        return;
      }
      case OP.SHORT_BINSTRING:
      case OP.SHORT_BINUNICODE:
        this.pushString(await this.countedText(await this.uint(1)));
        return;
      case OP.BINSTRING:
        this.pushString(await this.countedText(await this.signedLength()));
        return;
      case OP.BINUNICODE:
        this.pushString(await this.countedText(await this.uint(4)));
        return;
      case OP.BINUNICODE8:
        this.pushString(await this.countedText(await this.uint(8)));
        return;

      case OP.APPEND:
        this.pop();
        this.top();
        return;
      case OP.BUILD:
        this.pop();
        this.top();
        this.lastCallOffset = this.opcodeOffset;
        return;
      case OP.SETITEM:
        this.pop();
        this.pop();
        this.top();
        return;
      case OP.APPENDS:
      case OP.SETITEMS:
      case OP.ADDITEMS:
        this.popMark();
        this.top();
        return;
      case OP.LIST:
      case OP.TUPLE:
      case OP.DICT:
      case OP.FROZENSET:
        this.popMark();
        this.push(null);
        return;
      case OP.OBJ:
        if (this.popMark().length === 0) throw this.malformed('OBJ without a class');
        this.lastCallOffset = this.opcodeOffset;
        this.push(null);
        return;
      case OP.TUPLE1:
      case OP.BINPERSID:
      case OP.READONLY_BUFFER:
        this.pop();
        this.push(null);
        return;
      case OP.TUPLE2:
        this.pop();
        this.pop();
        this.push(null);
        return;
      case OP.REDUCE:
      case OP.NEWOBJ:
        this.pop();
        this.pop();
        this.lastCallOffset = this.opcodeOffset;
        this.push(null);
        return;
      case OP.TUPLE3:
        this.pop();
        this.pop();
        this.pop();
        this.push(null);
        return;
      case OP.NEWOBJ_EX:
        this.pop();
        this.pop();
        this.pop();
        this.lastCallOffset = this.opcodeOffset;
        this.push(null);
        return;

      case OP.GLOBAL:
      case OP.INST: {
        const module = await this.line();
        const name = await this.line();
        // The unpickler imports before it looks for INST's MARK: the import happens even if that fails.
        this.addGlobal(module && lossyUtf8(module), name && lossyUtf8(name), code === OP.GLOBAL ? 'GLOBAL' : 'INST');
        if (code === OP.INST) {
          this.popMark();
          this.lastCallOffset = this.opcodeOffset;
        }
        this.push(null);
        return;
      }
      case OP.STACK_GLOBAL: {
        const name = this.pop();
        const module = this.pop();
        this.addGlobal(module, name, 'STACK_GLOBAL');
        this.push(null);
        return;
      }
      case OP.EXT1:
      case OP.EXT2:
      case OP.EXT4: {
        const extension = await this.uint(code === OP.EXT1 ? 1 : code === OP.EXT2 ? 2 : 4);
        this.report(
          'critical',
          'pickle_extension_code',
          'The pickle imports a global through the copyreg extension registry, which cannot be checked',
          {
            ...this.where(),
            extension,
          },
        );
        this.push(null);
        return;
      }

      case OP.PUT:
        this.setMemo(await this.decimalLine());
        return;
      case OP.BINPUT:
        this.setMemo(await this.uint(1));
        return;
      case OP.LONG_BINPUT:
        this.setMemo(await this.uint(4));
        return;
      case OP.MEMOIZE:
        this.setMemo(this.memo.size);
        return;
      case OP.GET:
        this.getMemo(await this.decimalLine());
        return;
      case OP.BINGET:
        this.getMemo(await this.uint(1));
        return;
      case OP.LONG_BINGET:
        this.getMemo(await this.uint(4));
        return;
      default:
        throw this.malformed(`Opcode 0x${code.toString(16)} has no handler`);
    }
  }

  private addGlobal(module: Value | undefined, name: Value | undefined, opcode: PickleGlobal['opcode']): void {
    if (typeof module !== 'string' || typeof name !== 'string') {
      this.report(
        'critical',
        'pickle_unresolved_global',
        `${opcode} imports a global whose module or name cannot be determined`,
        this.where(),
      );
      return;
    }
    const key = `${module}\n${name}`;
    if (this.globals.has(key)) return;
    if (this.globals.size >= this.limits.maxGlobals) {
      throw new FormatError(
        'pickle_limit_exceeded',
        `The pickle imports more than ${this.limits.maxGlobals} distinct globals`,
        this.where(),
      );
    }
    const global: PickleGlobal = { module, name, opcode, offset: this.opcodeOffset };
    this.globals.set(key, global);
    const verdict = classifyGlobal(module, name);
    const evidence = { module, name, opcode, offset: this.opcodeOffset };
    if (verdict === 'dangerous') {
      this.report(
        'critical',
        'pickle_dangerous_global',
        `The pickle imports ${module}.${name}, which can run code or reach files or the network`,
        evidence,
      );
    } else if (verdict === 'unknown') {
      this.report(
        'warning',
        'pickle_unknown_global',
        `The pickle imports ${module}.${name}, which is not on the list of known-safe globals`,
        evidence,
      );
    }
  }

  private setMemo(index: number): void {
    if (!this.memo.has(index) && this.memo.size >= this.limits.maxMemoEntries) {
      throw new FormatError('pickle_limit_exceeded', `The pickle memo grows past ${this.limits.maxMemoEntries} entries`, this.where());
    }
    this.memo.set(index, this.top());
  }

  private getMemo(index: number): void {
    const value = this.memo.get(index);
    if (value === undefined) {
      this.report('critical', 'pickle_undefined_memo', `The pickle reads memo slot ${index}, which was never written`, {
        ...this.where(),
        index,
      });
    }
    this.push(value ?? null);
  }

  private pushString(text: string | null | undefined): void {
    if (text && text.length <= MAX_NAME_BYTES && NAME_LIKE.test(text) && this.keptStringBytes + text.length <= MAX_KEPT_STRING_BYTES) {
      this.keptStringBytes += text.length;
      this.push(text);
    } else {
      this.push(null);
    }
  }

  private push(value: Value): void {
    this.stack.push(value);
    this.depth += 1;
  }

  private pop(): Value {
    if (this.stack.length === 0) throw this.malformed('Stack underflow');
    this.depth -= 1;
    return this.stack.pop()!;
  }

  private top(): Value {
    if (this.stack.length === 0) throw this.malformed('Stack underflow');
    return this.stack[this.stack.length - 1]!;
  }

  private popMark(): Value[] {
    const items = this.stack;
    const outer = this.marks.pop();
    if (!outer) throw this.malformed('No MARK to pop');
    this.stack = outer;
    this.depth -= items.length + 1;
    return items;
  }

  /** Little-endian unsigned integer of 1, 2, 4 or 8 bytes. */
  private async uint(width: 1 | 2 | 4 | 8): Promise<number> {
    if (!this.reader.has(width)) await this.reader.fill(width);
    if (width === 1) return this.reader.u8();
    if (width === 8) {
      const value = this.reader.u64();
      // Nothing longer than the file can follow: a length past it is simply truncation.
      return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
    }
    const bytes = this.reader.bytes(width);
    return width === 2 ? bytes.readUInt16LE(0) : bytes.readUInt32LE(0);
  }

  private async signedLength(): Promise<number> {
    if (!this.reader.has(4)) await this.reader.fill(4);
    const length = this.reader.i32();
    if (length < 0) throw this.malformed('Negative byte count');
    return length;
  }

  private skip(length: number): void {
    this.reader.skip(length);
  }

  private async countedText(length: number): Promise<string | undefined> {
    if (length > MAX_NAME_BYTES) {
      this.reader.skip(length);
      return undefined;
    }
    if (!this.reader.has(length)) await this.reader.fill(length);
    return decodeUtf8(this.reader.bytes(length));
  }

  /** A `\n`-terminated argument without its newline; `undefined` when too long to be a name. */
  private async line(): Promise<Buffer | undefined> {
    const kept: number[] = [];
    let long = false;
    for (;;) {
      if (!this.reader.has(1)) await this.reader.fill(1);
      const byte = this.reader.u8();
      if (byte === 0x0a) return long ? undefined : Buffer.from(kept);
      if (kept.length < MAX_NAME_BYTES) kept.push(byte);
      else long = true;
    }
  }

  /** `GET`/`PUT` take a decimal line, parsed as CPython's `int()` does. */
  private async decimalLine(): Promise<number> {
    const text = (await this.line())?.toString('latin1') ?? '';
    if (!/^\s*\+?\d+(_\d+)*\s*$/.test(text)) throw this.malformed('A memo index is not a non-negative integer');
    const value = Number(text.replace(/[\s_+]/g, ''));
    if (!Number.isSafeInteger(value)) throw this.malformed('A memo index is too large');
    return value;
  }

  private malformed(message: string): FormatError {
    return new FormatError('pickle_malformed', message, this.where());
  }

  private where(): Record<string, unknown> {
    return { offset: this.opcodeOffset };
  }
}

const lossy = new TextDecoder('utf-8');

function lossyUtf8(bytes: Buffer): string {
  return lossy.decode(bytes);
}
