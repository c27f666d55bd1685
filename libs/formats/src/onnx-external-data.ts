import type { Finding } from './finding.js';
import type { OnnxExternalDataReference } from './onnx.js';

export interface OnnxSiblingCheck {
  /** The model's path inside the version, `/`-separated (`onnx/model.onnx`). */
  modelPath: string;
  references: readonly OnnxExternalDataReference[];
  /** `OnnxFacts.customDomains`. */
  customDomains: readonly string[];
  /** Every file of the version: path → size in bytes. */
  files: ReadonlyMap<string, number>;
}

/** The keys onnx.proto defines for `external_data`. */
const KNOWN_KEYS = new Set(['location', 'offset', 'length', 'checksum']);
const NATIVE_LIBRARY = /\.(so(\.\d+)*|dll|dylib|pyd)$/i;
const MAX_FINDINGS_PER_CODE = 20;

/**
 * Checks what an ONNX model would read and load besides itself, as onnx's own checker does today and
 * stricter: each `external_data` location must be a relative path without `..` or backslashes that names a
 * file of the same version (so symlinks and other directories are out of reach), with only known keys and
 * an `offset`/`length` inside that file, matching the tensor's size. Native libraries shipped next to a
 * model that needs custom operators are what a runtime would be asked to load.
 */
export function checkOnnxExternalData(check: OnnxSiblingCheck): Finding[] {
  const findings = new FindingList();
  for (const reference of check.references) checkReference(reference, check, findings);
  const libraries = [...check.files.keys()].filter((path) => NATIVE_LIBRARY.test(path));
  if (libraries.length > 0 && check.customDomains.length > 0) {
    findings.add(
      'critical',
      'onnx_custom_op_library',
      'The model uses custom operators and the version ships native libraries to run them',
      {
        libraries: libraries.slice(0, MAX_FINDINGS_PER_CODE),
        domains: check.customDomains,
      },
    );
  } else if (libraries.length > 0) {
    findings.add('warning', 'native_library_present', 'The version ships native libraries', {
      libraries: libraries.slice(0, MAX_FINDINGS_PER_CODE),
    });
  }
  return findings.list;
}

/**
 * The files of the version that ONNX models read as external data, by the same rules: path → the models that
 * read it. A location the checks refuse names no file here.
 */
export function externalDataFiles(
  models: readonly { modelPath: string; references: readonly OnnxExternalDataReference[] }[],
  files: ReadonlyMap<string, number>,
): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const { modelPath, references } of models) {
    for (const reference of references) {
      const location = reference.entries.find((entry) => entry.key === 'location')?.value;
      if (location === undefined || locationProblem(location)) continue;
      const path = resolve(modelPath, location);
      if (!files.has(path)) continue;
      const known = readers.get(path) ?? [];
      if (!known.includes(modelPath)) readers.set(path, [...known, modelPath]);
    }
  }
  return readers;
}

function checkReference(reference: OnnxExternalDataReference, check: OnnxSiblingCheck, findings: FindingList): void {
  const evidence = { tensor: reference.tensor };
  const values = new Map<string, string>();
  for (const { key, value } of reference.entries) {
    if (!KNOWN_KEYS.has(key)) {
      findings.add('critical', 'onnx_external_data_unknown_key', `Tensor ${reference.tensor} has an unknown external_data key`, {
        ...evidence,
        key,
      });
    } else if (values.has(key)) {
      findings.add('critical', 'onnx_external_data_duplicate_key', `Tensor ${reference.tensor} repeats external_data key ${key}`, {
        ...evidence,
        key,
      });
    }
    values.set(key, value);
  }
  const location = values.get('location');
  if (location === undefined) {
    findings.add('critical', 'onnx_external_data_no_location', `Tensor ${reference.tensor} has external data without a location`, evidence);
    return;
  }
  const problem = locationProblem(location);
  if (problem) {
    findings.add('critical', 'onnx_external_data_path', `Tensor ${reference.tensor} reads ${JSON.stringify(location)}: ${problem}`, {
      ...evidence,
      location,
    });
    return;
  }
  const path = resolve(check.modelPath, location);
  const size = check.files.get(path);
  if (size === undefined) {
    findings.add(
      'critical',
      'onnx_external_data_missing',
      `Tensor ${reference.tensor} reads ${path}, which is not a file of this version`,
      {
        ...evidence,
        location,
        path,
      },
    );
    return;
  }
  const offset = parseCount(values.get('offset') ?? '0');
  const declaredLength = values.has('length') ? parseCount(values.get('length')!) : null;
  if (offset === undefined || declaredLength === undefined) {
    findings.add(
      'critical',
      'onnx_external_data_range',
      `Tensor ${reference.tensor} has an offset or length that is not a non-negative integer`,
      {
        ...evidence,
        offset: values.get('offset'),
        length: values.get('length'),
      },
    );
    return;
  }
  const length = declaredLength ?? Math.max(0, size - offset);
  if (offset + length > size) {
    findings.add('critical', 'onnx_external_data_range', `Tensor ${reference.tensor} reads past the end of ${path}`, {
      ...evidence,
      path,
      offset,
      length,
      size,
    });
    return;
  }
  // Without a length the tensor takes its size from the offset on; a declared length must be exact.
  const fits = declaredLength === null ? length >= (reference.expectedBytes ?? 0) : length === reference.expectedBytes;
  if (reference.expectedBytes !== null && !fits) {
    findings.add(
      'critical',
      'onnx_external_data_size_mismatch',
      `Tensor ${reference.tensor} needs ${reference.expectedBytes} bytes, its range holds ${length}`,
      {
        ...evidence,
        expected: reference.expectedBytes,
        length,
      },
    );
  }
}

/** Why a location may not be followed, or `undefined` when it is a plain relative path. */
function locationProblem(location: string): string | undefined {
  if (location === '') return 'empty';
  if ([...location].some((char) => char.charCodeAt(0) < 0x20)) return 'control characters';
  if (location.includes('\\')) return 'backslashes (a separator on Windows, and UNC paths)';
  if (location.startsWith('/') || location.startsWith('~')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(location)) return 'a drive path';
  if (location.split('/').includes('..')) return 'it climbs out with ..';
  return undefined;
}

/** The location relative to the model's directory, `.` and empty segments dropped. */
function resolve(modelPath: string, location: string): string {
  const directory = modelPath.split('/').slice(0, -1);
  return [...directory, ...location.split('/')].filter((segment) => segment !== '' && segment !== '.').join('/');
}

function parseCount(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

class FindingList {
  readonly list: Finding[] = [];
  private readonly counts = new Map<string, number>();

  add(severity: Finding['severity'], code: string, message: string, evidence: Record<string, unknown>): void {
    const count = this.counts.get(code) ?? 0;
    this.counts.set(code, count + 1);
    if (count < MAX_FINDINGS_PER_CODE) this.list.push({ severity, code, message, evidence });
  }
}
