import { fileFormat } from '@vetted/domain';
import type { ByteSource } from './byte-source.js';
import { chatTemplateFinding } from './config-json.js';
import type { Finding, Inspection } from './finding.js';
import { SAFETENSORS_MAX_HEADER_BYTES } from './safetensors.js';

/** What the first bytes of a file say it is, whatever its name claims. ONNX has no magic: it sniffs as `binary`. */
export type SniffedFormat =
  | 'safetensors'
  | 'gguf'
  | 'zip'
  | 'pickle'
  | 'torch_legacy'
  | 'npy'
  | 'elf'
  | 'pe'
  | 'macho'
  | 'script'
  | 'lfs_pointer'
  | 'json'
  | 'text'
  | 'binary'
  | 'empty';

export const SNIFF_BYTES = 1024;
/** The Git LFS spec caps pointer files at 1024 bytes. */
const LFS_POINTER_MAX_BYTES = 1024;
const LFS_PREFIX = Buffer.from('version https://git-lfs.github.com/spec/', 'latin1');
const GGUF_MAGIC = Buffer.from('GGUF', 'latin1');
const ZIP_MAGICS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const ELF_MAGIC = Buffer.from('\x7fELF', 'latin1');
const MACHO_MAGICS = ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].map((hex) => Buffer.from(hex, 'hex'));
/** `torch.save` before 1.6: the pickled long 0x1950a86a20f9469cfc6c (LONG1, 10 bytes, little-endian) comes first. */
const TORCH_LEGACY_MAGIC = Buffer.from('8a0a6cfc9c46f9206aa85019', 'hex');
/** The same long as pickle protocols 0 and 1 write it. */
const TORCH_LEGACY_TEXT_MAGIC = Buffer.from('L119547037146038801333356L\n.', 'latin1');
const NPY_MAGIC = Buffer.from('\x93NUMPY', 'latin1');
const PICKLE_PROTO = 0x80;
/** Every pickle opcode, protocols 0–5. */
const PICKLE_OPCODES = new Set([
  ...Buffer.from('(.012FIJKLMNPQRSTUVXabcd}eghijl]opqrst)uGBC', 'latin1'),
  ...Array.from({ length: 0x99 - 0x80 }, (_, i) => 0x80 + i),
]);

/**
 * Protocols 0 and 1 have no header: an import (`c`/`i` module NL name NL) or a memoized dict or list as the
 * first opcodes gives them away, and ordinary text does not start that way. Other pickles without a header
 * are caught by walking them (`pickle-probe.ts`).
 */
const PROTOCOL_0_PICKLE = /^(?:[ci][A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n|\((?:dp|lp)\d+\n)/;

const NATIVE_EXTENSIONS = /\.(so(\.\d+)*|dll|dylib)$/;
const SCRIPT_EXTENSIONS = /\.(py|pyc|sh|bash|zsh|bat|cmd|ps1)$/;
const WEIGHT_FORMATS = new Set(['safetensors', 'gguf', 'pickle', 'npy', 'onnx']);
/** Formats the bytes identify beyond doubt, unlike text and binary. */
const DEFINITE_FORMATS = new Set<SniffedFormat>(['safetensors', 'gguf', 'zip', 'pickle', 'torch_legacy', 'npy', 'elf', 'pe', 'macho']);
const PICKLE_CONTAINERS = new Set<SniffedFormat>(['pickle', 'torch_legacy', 'zip']);

export async function sniffFormat(source: ByteSource): Promise<SniffedFormat> {
  return sniffBytes(await source.read(0, SNIFF_BYTES), source.size);
}

export function sniffBytes(head: Buffer, fileSize: number): SniffedFormat {
  if (fileSize === 0 || head.length === 0) return 'empty';
  const startsWith = (magic: Buffer) => head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
  if (fileSize <= LFS_POINTER_MAX_BYTES && startsWith(LFS_PREFIX)) return 'lfs_pointer';
  if (startsWith(GGUF_MAGIC)) return 'gguf';
  if (ZIP_MAGICS.some(startsWith)) return 'zip';
  if (startsWith(ELF_MAGIC)) return 'elf';
  if (MACHO_MAGICS.some(startsWith)) return 'macho';
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  if (head[0] === 0x23 && head[1] === 0x21) return 'script';
  if (startsWith(NPY_MAGIC)) return 'npy';
  if (startsWith(TORCH_LEGACY_TEXT_MAGIC)) return 'torch_legacy';
  if (looksLikeSafetensors(head, fileSize)) return 'safetensors';
  if (head[0] === PICKLE_PROTO && head.length >= 3 && head[1]! >= 2 && head[1]! <= 5) {
    return head.subarray(2, 2 + TORCH_LEGACY_MAGIC.length).equals(TORCH_LEGACY_MAGIC)
      ? 'torch_legacy'
      : PICKLE_OPCODES.has(head[2]!)
        ? 'pickle'
        : 'binary';
  }
  // Protocol 1 mixes those text opcodes with binary ones: the bytes need not be text.
  if (PROTOCOL_0_PICKLE.test(head.toString('latin1'))) return 'pickle';
  const text = decodeText(head, head.length < fileSize);
  if (text === undefined) return 'binary';
  return /^\s*[{[]/.test(text) ? 'json' : 'text';
}

/** u64 little-endian header length, then the JSON header's `{`. */
function looksLikeSafetensors(head: Buffer, fileSize: number): boolean {
  if (head.length < 9) return false;
  const declared = head.readBigUInt64LE(0);
  return declared >= 2n && declared <= BigInt(Math.min(SAFETENSORS_MAX_HEADER_BYTES, fileSize - 8)) && head[8] === 0x7b;
}

/** The head as text, or undefined when it is not UTF-8 or holds control characters other than whitespace. */
function decodeText(head: Buffer, cut: boolean): string | undefined {
  // A multi-byte character may straddle the end of the head: drop up to 3 bytes of it.
  for (let drop = 0; drop <= (cut ? 3 : 0); drop++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - drop));
      // eslint-disable-next-line no-control-regex
      return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? undefined : text;
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * What a file's name and bytes together tell a reviewer: native code, scripts, a Git LFS pointer stored in place
 * of the weights, a name that lies about the format. `size` is the file's size.
 */
export function fileKindFindings(path: string, sniffed: SniffedFormat, size: number): Finding[] {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const expected = fileFormat(path);
  const findings: Finding[] = [];
  if (NATIVE_EXTENSIONS.test(name) || sniffed === 'elf' || sniffed === 'pe' || sniffed === 'macho') {
    findings.push({
      severity: 'warning',
      code: 'native_code',
      message: `${path} is native code: a runtime that loads it runs it`,
      evidence: { path, format: sniffed },
    });
  }
  if (SCRIPT_EXTENSIONS.test(name) || sniffed === 'script') {
    findings.push({
      severity: 'warning',
      code: 'executable_script',
      message: `${path} is a script: code that runs if anyone executes or imports it`,
      evidence: { path, format: sniffed },
    });
  }
  if (name.endsWith('.jinja')) findings.push(chatTemplateFinding(path, size));
  if (sniffed === 'lfs_pointer') {
    const weights = WEIGHT_FORMATS.has(expected);
    findings.push({
      severity: weights ? 'critical' : 'warning',
      code: 'lfs_pointer',
      message: `${path} is a Git LFS pointer, not the file's content${weights ? ': the weights are missing' : ''}`,
      evidence: { path, size },
    });
  } else if (contradicts(expected, sniffed)) {
    findings.push({
      severity: 'critical',
      code: 'format_mismatch',
      message: `${path} is named as ${expected} but its bytes are ${sniffed}`,
      evidence: { path, expected, actual: sniffed },
    });
  }
  return findings;
}

function contradicts(expected: string, sniffed: SniffedFormat): boolean {
  switch (expected) {
    case 'safetensors':
    case 'gguf':
    case 'npy':
      return sniffed !== expected;
    case 'pickle':
      return DEFINITE_FORMATS.has(sniffed) && !PICKLE_CONTAINERS.has(sniffed);
    case 'onnx':
    case 'json':
      return DEFINITE_FORMATS.has(sniffed);
    default:
      return false;
  }
}

export type FileKindFacts = { format: SniffedFormat };

/** Sniffs the first bytes and compares them with the name. */
export async function inspectFileKind(source: ByteSource, path: string): Promise<Inspection<FileKindFacts>> {
  const format = await sniffFormat(source);
  return { facts: { format }, findings: fileKindFindings(path, format, source.size) };
}
