import type { BenchmarkFinding, OutputSummary } from './benchmark-types.js';
import { elementCount, isFloatDtype, numberAt } from './host-tensor.js';
import type { ValueMetadata } from './input-synthesis.js';
import { isNumeric, type OutputTensor } from './output-tensor.js';

export type OutputCheck = { outputs: OutputSummary[]; findings: BenchmarkFinding[] };

/**
 * Summarises a run's outputs and flags NaN/Inf values and shapes that contradict the model's declared output
 * shapes (fixed sizes, or symbolic names the inputs resolved).
 */
export function checkOutputs(
  outputs: Readonly<Record<string, OutputTensor>>,
  metadata: readonly ValueMetadata[],
  dims: Readonly<Record<string, number>>,
): OutputCheck {
  const findings: BenchmarkFinding[] = [];
  const summaries = metadata.map((declared): OutputSummary => {
    const tensor = outputs[declared.name];
    if (!tensor) {
      findings.push({
        severity: 'warning',
        code: 'output_missing',
        message: `the run returned no ${declared.name}`,
        evidence: { output: declared.name },
      });
      return { name: declared.name, dtype: declared.type ?? 'unknown', shape: [], nonFinite: 0 };
    }
    const shape = [...tensor.dims];
    const nonFinite = countNonFinite(tensor);
    if (nonFinite > 0) {
      findings.push({
        severity: 'warning',
        code: 'output_non_finite',
        message: `${nonFinite} of ${elementCount(shape)} values of ${declared.name} are NaN or infinite`,
        evidence: { output: declared.name, nonFinite },
      });
    }
    const expected = expectedShape(declared.shape ?? [], dims);
    if (expected && (expected.length !== shape.length || expected.some((dim, i) => dim !== undefined && dim !== shape[i]))) {
      findings.push({
        severity: 'warning',
        code: 'output_shape_mismatch',
        message: `${declared.name} has shape [${shape.join(', ')}], the model declares [${(declared.shape ?? []).join(', ')}]`,
        evidence: { output: declared.name, shape: shape.join('x'), declared: (declared.shape ?? []).join('x') },
      });
    }
    return { name: declared.name, dtype: tensor.type, shape, nonFinite };
  });
  return { outputs: summaries, findings };
}

/** The declared shape with what is known; `undefined` entries are free. No check when nothing is declared. */
function expectedShape(declared: readonly (number | string)[], dims: Readonly<Record<string, number>>): (number | undefined)[] | undefined {
  if (declared.length === 0) return undefined;
  return declared.map((dim) => (typeof dim === 'number' ? dim : dims[dim]));
}

function countNonFinite(tensor: OutputTensor): number {
  if (!isFloatDtype(tensor.type) || !isNumeric(tensor.data)) return 0;
  let count = 0;
  for (let index = 0; index < tensor.data.length; index += 1) {
    if (!Number.isFinite(numberAt(tensor.type, tensor.data, index))) count += 1;
  }
  return count;
}
