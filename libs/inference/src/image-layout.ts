import { isFloatDtype } from './host-tensor.js';
import type { ValueMetadata } from './input-synthesis.js';
import { type DimensionKind, dimensionKind } from './symbolic-dimensions.js';

/** What each axis of an image input measures. */
const NCHW: readonly DimensionKind[] = ['batch', 'channels', 'height', 'width'];
const NHWC: readonly DimensionKind[] = ['batch', 'height', 'width', 'channels'];

const CHANNEL_COUNTS = new Set([1, 3, 4]);
/** Names image models give their pixels; such an input is taken as NCHW even when no axis says where the channels are. */
const IMAGE_NAME = /^(pixel_values|images?|imgs?|x|inputs?|input_images?)$/;
/** Rank-4 float tensors that are not images: attention caches and states ([batch, heads, sequence, head size]). */
const NOT_IMAGE_NAME = /past|present|cache|key|value|state|hidden|mask/;

const isChannelAxis = (dim: number | string | undefined): boolean =>
  typeof dim === 'number' ? CHANNEL_COUNTS.has(dim) : dim !== undefined && dimensionKind(dim) === 'channels';

/** What an axis's place says about it: its kind, and for an image side, the other side when the graph fixes that one. */
export type AxisHint = { kind?: DimensionKind; fixedSide?: number };

/**
 * Hints for each axis of an input; only image-like inputs have any: a rank-4 float tensor with 1, 3 or 4
 * channels first (NCHW) or last (NHWC), or named like pixels.
 */
export function axisHints(input: ValueMetadata): AxisHint[] {
  const shape = input.shape ?? [];
  const kinds = imageAxisKinds(input.name.toLowerCase(), input.type ?? '', shape);
  if (!kinds) return shape.map(() => ({}));
  const sideOf = (kind: DimensionKind): number | string | undefined => shape[kinds.indexOf(kind)];
  return kinds.map((kind) => {
    const other = kind === 'height' ? sideOf('width') : kind === 'width' ? sideOf('height') : undefined;
    // A side of 1 is no image size: it would only repeat the mistake of a 1-pixel image.
    return typeof other === 'number' && other > 1 ? { kind, fixedSide: other } : { kind };
  });
}

function imageAxisKinds(name: string, dtype: string, shape: readonly (number | string)[]): readonly DimensionKind[] | undefined {
  const pixels = IMAGE_NAME.test(name);
  if (shape.length !== 4 || !isFloatDtype(dtype) || (!pixels && NOT_IMAGE_NAME.test(name))) return undefined;
  if (isChannelAxis(shape[1])) return NCHW;
  if (isChannelAxis(shape[3])) return NHWC;
  return pixels ? NCHW : undefined;
}
