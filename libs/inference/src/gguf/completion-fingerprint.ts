import { createHash } from 'node:crypto';
import type { LlamaModel, Token } from 'node-llama-cpp';
import type { CompletionFingerprint } from './gguf-types.js';

export const FINGERPRINT_TOKENS = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The completion up to its first end-of-generation token, at most FINGERPRINT_TOKENS tokens. Byte-level tokens can
 * decode to NUL or half a surrogate pair, which JSON columns refuse: both become U+FFFD before hashing, so the
 * stored text is exactly what the hash covers.
 */
export function completionFingerprint(model: LlamaModel, prompt: string, generated: readonly Token[]): CompletionFingerprint {
  const end = generated.findIndex((token) => model.isEogToken(token));
  const tokens = generated.slice(0, Math.min(end === -1 ? generated.length : end, FINGERPRINT_TOKENS));
  const text = model.detokenize(tokens).replaceAll('\0', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
  return { prompt, text, tokens: tokens.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
