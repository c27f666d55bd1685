import type { ReferenceOutcome, ReferenceOutputCheck } from './benchmark-types.js';
import { type HostTensor, numberAt } from './host-tensor.js';
import { isNumeric, type OutputTensor } from './output-tensor.js';

/**
 * Compares outputs with reference tensors like NumPy's `allclose(equal_nan=True)`: an element passes when
 * |actual − expected| ≤ atol + rtol·|expected|, or both are NaN, or both are the same infinity.
 */
export function compareWithReference(
  actual: Readonly<Record<string, OutputTensor>>,
  expected: ReadonlyMap<string, HostTensor>,
  atol: number,
  rtol: number,
): ReferenceOutcome {
  const outputs = [...expected].map(([name, reference]) => compareOne(name, actual[name], reference, atol, rtol));
  return {
    passed: outputs.every((output) => output.passed),
    maxAbsError: Math.max(0, ...outputs.map((output) => output.maxAbsError)),
    atol,
    rtol,
    outputs,
  };
}

function compareOne(
  name: string,
  actual: OutputTensor | undefined,
  expected: HostTensor,
  atol: number,
  rtol: number,
): ReferenceOutputCheck {
  const failed = (message: string): ReferenceOutputCheck => ({
    name,
    passed: false,
    maxAbsError: 0,
    mismatched: expected.data.length,
    message,
  });
  if (!actual) return failed('the model did not return this output');
  if (!isNumeric(actual.data)) return failed(`output of type ${actual.type} cannot be compared`);
  if (actual.dims.length !== expected.shape.length || actual.dims.some((dim, i) => dim !== expected.shape[i])) {
    return failed(`shape [${actual.dims.join(', ')}] differs from the reference's [${expected.shape.join(', ')}]`);
  }
  let maxAbsError = 0;
  let mismatched = 0;
  for (let index = 0; index < expected.data.length; index += 1) {
    const got = numberAt(actual.type, actual.data, index);
    const want = numberAt(expected.dtype, expected.data, index);
    if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) continue;
    const error = Math.abs(got - want);
    // NaN against a number, or an infinity against anything else: a mismatch with no finite size.
    if (!Number.isFinite(error)) {
      mismatched += 1;
      continue;
    }
    maxAbsError = Math.max(maxAbsError, error);
    if (error > atol + rtol * Math.abs(want)) mismatched += 1;
  }
  return mismatched
    ? { name, passed: false, maxAbsError, mismatched, message: `${mismatched} of ${expected.data.length} elements differ beyond tolerance` }
    : { name, passed: true, maxAbsError, mismatched };
}
