import { isDeepStrictEqual } from 'node:util';
import { comparablePairs } from '../benchmarks/benchmark-comparison.js';
import type { VersionDiff } from './review.schemas.js';
import type { SnapshotFile, VersionSnapshot } from './version-snapshot.js';
import { findingsOf } from './version-findings.js';

/** Facts a reviewer compares between versions; the rest (hardware fit, config) follows from these. */
const COMPARED_FACTS = [
  'parameters',
  'parametersByDtype',
  'architecture',
  'modelType',
  'contextLength',
  'quantization',
  'formats',
  'remoteCode',
  'weightsFrom',
] as const;

/** What changed from `base` (the previous approved version) to `head` (the one under review). */
export function diffVersions(base: VersionSnapshot, head: VersionSnapshot): VersionDiff {
  const before = new Map(base.files.map((file) => [file.path, file]));
  const after = new Map(head.files.map((file) => [file.path, file]));
  const changed = head.files.flatMap((file) => {
    const old = before.get(file.path);
    return old && old.sha256 !== file.sha256 ? [{ path: file.path, before: change(old), after: change(file) }] : [];
  });
  const known = new Set(findingsOf(base).map(findingKey));
  return {
    base: base.label,
    files: {
      added: head.files.filter((file) => !before.has(file.path)).map(change),
      removed: base.files.filter((file) => !after.has(file.path)).map(change),
      changed,
      unchanged: head.files.filter((file) => before.get(file.path)?.sha256 === file.sha256).length,
    },
    facts: [...COMPARED_FACTS.map((fact) => factChange(fact, base.facts[fact], head.facts[fact])), ...onnxChanges(base, head)].flatMap(
      (entry) => entry ?? [],
    ),
    license: base.licenseId === head.licenseId ? null : { before: base.licenseId, after: head.licenseId },
    newFindings: findingsOf(head).filter((finding) => !known.has(findingKey(finding))),
    benchmarks: comparablePairs(base.runs, head.runs).map(({ base: baseRun, head: headRun }) => ({
      file: headRun.file,
      executionProvider: headRun.executionProvider ?? 'unknown',
      hardware: headRun.hardware ?? 'unknown',
      baseP50Ms: baseRun.p50Ms!,
      headP50Ms: headRun.p50Ms!,
      speedup: baseRun.p50Ms! / headRun.p50Ms!,
    })),
  };
}

const change = (file: SnapshotFile) => ({ path: file.path, size: file.size, sha256: file.sha256 });

const findingKey = (finding: { path: string; code: string; message: string }): string =>
  `${finding.path}\n${finding.code}\n${finding.message}`;

function factChange(fact: string, before: unknown, after: unknown): VersionDiff['facts'][number] | undefined {
  if (isDeepStrictEqual(before ?? null, after ?? null)) return undefined;
  return { fact, before: before ?? null, after: after ?? null };
}

/** ONNX inputs and outputs per graph file: a changed signature breaks callers. */
function onnxChanges(base: VersionSnapshot, head: VersionSnapshot): (VersionDiff['facts'][number] | undefined)[] {
  const graphs = (snapshot: VersionSnapshot) =>
    new Map(
      (Array.isArray(snapshot.facts.onnx) ? (snapshot.facts.onnx as { path?: unknown; inputs?: unknown; outputs?: unknown }[]) : []).map(
        (graph) => [String(graph.path), graph],
      ),
    );
  const before = graphs(base);
  const after = graphs(head);
  return [...new Set([...before.keys(), ...after.keys()])].flatMap((path) => [
    factChange(`onnx ${path} inputs`, before.get(path)?.inputs, after.get(path)?.inputs),
    factChange(`onnx ${path} outputs`, before.get(path)?.outputs, after.get(path)?.outputs),
  ]);
}
