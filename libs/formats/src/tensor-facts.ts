import { FormatError } from './finding.js';

/**
 * How many weights a file holds and how big they are, per normalized dtype (`float32`, `bfloat16`, `q4_k`…).
 * A type, not an interface, so it is assignable to JSON columns.
 */
export type TensorFacts = {
  tensorCount: number;
  parameters: number;
  parametersByDtype: Record<string, number>;
  bytesByDtype: Record<string, number>;
};

/** Adds tensors up exactly (BigInt), and refuses totals a JavaScript number cannot hold. */
export class TensorTally {
  private tensorCount = 0;
  private readonly byDtype = new Map<string, { parameters: bigint; bytes: bigint }>();

  add(dtype: string, parameters: bigint, bytes: bigint): void {
    const total = this.byDtype.get(dtype) ?? { parameters: 0n, bytes: 0n };
    this.byDtype.set(dtype, { parameters: total.parameters + parameters, bytes: total.bytes + bytes });
    this.tensorCount += 1;
  }

  addFacts(facts: TensorFacts): void {
    for (const [dtype, bytes] of Object.entries(facts.bytesByDtype)) {
      const total = this.byDtype.get(dtype) ?? { parameters: 0n, bytes: 0n };
      const parameters = BigInt(facts.parametersByDtype[dtype] ?? 0);
      this.byDtype.set(dtype, { parameters: total.parameters + parameters, bytes: total.bytes + BigInt(bytes) });
    }
    this.tensorCount += facts.tensorCount;
  }

  facts(): TensorFacts {
    const parametersByDtype: Record<string, number> = {};
    const bytesByDtype: Record<string, number> = {};
    let parameters = 0n;
    for (const [dtype, total] of [...this.byDtype].sort(([a], [b]) => a.localeCompare(b))) {
      parametersByDtype[dtype] = safeNumber(total.parameters, 'parameters');
      bytesByDtype[dtype] = safeNumber(total.bytes, 'bytes');
      parameters += total.parameters;
    }
    return { tensorCount: this.tensorCount, parameters: safeNumber(parameters, 'parameters'), parametersByDtype, bytesByDtype };
  }
}

export function totalBytes(facts: TensorFacts): number {
  return Object.values(facts.bytesByDtype).reduce((sum, bytes) => sum + bytes, 0);
}

/** The dtype holding the most bytes: for GGUF, the quantization a reviewer would name the file by. */
export function dominantDtype(facts: TensorFacts): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of Object.entries(facts.bytesByDtype)) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

export function safeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError('number_too_large', `The ${what} total is too large to count exactly`);
  return Number(value);
}
