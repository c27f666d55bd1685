import { readFile, stat } from 'node:fs/promises';
import { BenchmarkFailure, errorMessage } from './benchmark-failure.js';
import type { ImageSize } from './symbolic-dimensions.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** The largest image side taken from a config: what a request's `dims` may ask for. */
const MAX_IMAGE_SIDE = 65_536;

/** `vocab_size` from a transformers `config.json` (top level, or the text model's in multimodal configs). */
export async function readVocabSize(configPath: string): Promise<number | undefined> {
  const config = await readConfig(configPath);
  for (const section of [config, field(config, 'text_config'), field(config, 'decoder')]) {
    const vocabSize = field(section, 'vocab_size');
    if (typeof vocabSize === 'number' && Number.isInteger(vocabSize) && vocabSize > 0) return vocabSize;
  }
  return undefined;
}

/**
 * The image size a Hugging Face `preprocessor_config.json` hands the model: `crop_size` when the processor
 * crops, else `size` (`{height, width}`, `{shortest_edge}`, `{longest_edge}` or one number, taken as a square).
 */
export async function readImageSize(configPath: string): Promise<ImageSize | undefined> {
  const config = await readConfig(configPath);
  const cropped = field(config, 'do_center_crop') === false ? undefined : imageSize(field(config, 'crop_size'));
  return cropped ?? imageSize(field(config, 'size'));
}

function imageSize(value: unknown): ImageSize | undefined {
  if (isSide(value)) return { height: value, width: value };
  const [height, width] = [field(value, 'height'), field(value, 'width')];
  if (isSide(height) && isSide(width)) return { height, width };
  const edge = field(value, 'shortest_edge') ?? field(value, 'longest_edge');
  return isSide(edge) ? { height: edge, width: edge } : undefined;
}

const isSide = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_IMAGE_SIDE;

async function readConfig(configPath: string): Promise<unknown> {
  try {
    if ((await stat(configPath)).size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
    return JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    throw new BenchmarkFailure('invalid_options', `config ${configPath}: ${errorMessage(error)}`);
  }
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
