import type { ResolvedInput } from '../api/api-types';

const SOURCES: readonly string[] = ['graph', 'request', 'preprocessor_config', 'default'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The inputs a benchmark run was fed. Review evidence carries them as stored JSON (older runs have none,
 * or no dimension sources), so anything that does not read as an input is left out.
 */
export function readResolvedInputs(value: unknown): ResolvedInput[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((input): ResolvedInput[] => {
    const { name, dtype, shape, fill, source } = input;
    if (typeof name !== 'string' || typeof dtype !== 'string' || !Array.isArray(shape)) return [];
    if (!shape.every((dim): dim is number => typeof dim === 'number')) return [];
    const sources = Array.isArray(source) && source.every((entry) => SOURCES.includes(entry as string)) ? source : undefined;
    return [
      {
        name,
        dtype,
        shape,
        fill: typeof fill === 'string' ? fill : 'unknown',
        ...(sources ? { source: sources as NonNullable<ResolvedInput['source']> } : {}),
      },
    ];
  });
}

/** `[1, 3, 224*, 224*]`: a star marks a dimension nobody gave, which the runner defaulted. */
export function shapeText(input: ResolvedInput): string {
  return `[${input.shape.map((dim, axis) => `${dim}${input.source?.[axis] === 'default' ? '*' : ''}`).join(', ')}]`;
}

export const hasDefaultedDimension = (inputs: ResolvedInput[]): boolean => inputs.some((input) => input.source?.includes('default'));
