import type { ByteSource } from './byte-source.js';
import { FormatError } from './finding.js';
import { scanJsonStructure } from './json-scan.js';

/** Bigger than any real tokenizer.json; beyond this a JSON file is refused rather than parsed. */
export const JSON_MAX_BYTES = 64 * 1024 * 1024;
/** Real configs and tokenizers nest fewer than 10 levels; deep nesting only exhausts whoever walks the value. */
export const JSON_MAX_DEPTH = 64;

export interface JsonLimits {
  maxBytes?: number;
  maxDepth?: number;
}

export interface ParsedJson {
  value: unknown;
  duplicateKeys: string[];
}

/**
 * Strict UTF-8 (a byte-order mark is kept and so rejected, as Python's `json` does), size and depth checked
 * before `JSON.parse` runs.
 */
export function parseJson(bytes: Uint8Array, limits: JsonLimits = {}): ParsedJson {
  const maxBytes = limits.maxBytes ?? JSON_MAX_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FormatError('json_not_utf8', 'The JSON file is not valid UTF-8');
  }
  return parseJsonText(text, limits);
}

export function parseJsonText(text: string, limits: JsonLimits = {}): ParsedJson {
  const maxBytes = limits.maxBytes ?? JSON_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? JSON_MAX_DEPTH;
  // A UTF-16 code unit is at least one UTF-8 byte: a cheap lower bound before encoding anything.
  if (text.length > maxBytes) throw tooLarge(text.length, maxBytes);
  const { tooDeep, duplicateKeys } = scanJsonStructure(text, maxDepth);
  if (tooDeep) throw new FormatError('json_too_deep', `The JSON nests deeper than ${maxDepth} levels`, { maxDepth });
  try {
    return { value: JSON.parse(text), duplicateKeys };
  } catch (error) {
    throw new FormatError('json_invalid', 'The file is not valid JSON', { reason: (error as Error).message.slice(0, 200) });
  }
}

/** Reads a whole JSON file, after checking its size: never more than `maxBytes` in memory. */
export async function readJson(source: ByteSource, limits: JsonLimits = {}): Promise<ParsedJson> {
  const maxBytes = limits.maxBytes ?? JSON_MAX_BYTES;
  if (source.size > maxBytes) throw tooLarge(source.size, maxBytes);
  const bytes = await source.read(0, source.size);
  if (bytes.length !== source.size) throw new FormatError('json_truncated', 'The JSON file ended before its stated size');
  return parseJson(bytes, limits);
}

function tooLarge(size: number, maxBytes: number): FormatError {
  return new FormatError('json_too_large', `The JSON file is larger than ${maxBytes} bytes`, { size, maxBytes });
}
