import { readFile, stat } from 'node:fs/promises';
import { BenchmarkFailure, errorMessage } from './benchmark-failure.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** `vocab_size` from a transformers `config.json` (top level, or the text model's in multimodal configs). */
export async function readVocabSize(configPath: string): Promise<number | undefined> {
  let config: unknown;
  try {
    if ((await stat(configPath)).size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
    config = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    throw new BenchmarkFailure('invalid_options', `config ${configPath}: ${errorMessage(error)}`);
  }
  for (const section of [config, field(config, 'text_config'), field(config, 'decoder')]) {
    const vocabSize = field(section, 'vocab_size');
    if (typeof vocabSize === 'number' && Number.isInteger(vocabSize) && vocabSize > 0) return vocabSize;
  }
  return undefined;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
