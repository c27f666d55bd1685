import { fileFormat } from '@vetted/domain';
import { type ByteSource, ByteSourceError } from './byte-source.js';
import { type FileScan, inspectFile, statusOf } from './inspect-file.js';
import { mainGgufFiles } from './main-gguf-files.js';
import { mainOnnxFiles } from './main-onnx-files.js';
import { checkOnnxExternalData, externalDataFiles } from './onnx-external-data.js';
import { inspectOnnxExternalDataFile } from './onnx-external-data-file.js';
import type { OnnxFacts } from './onnx.js';
import { inspectShardSet, readSafetensorsIndex } from './safetensors-index.js';
import { storableStrings } from './storable-strings.js';
import type { TensorFacts } from './tensor-facts.js';
import { type VersionFacts, versionFacts } from './version-facts.js';

export interface VersionFileInput {
  path: string;
  size: number;
  source: ByteSource;
}

export interface VersionScan {
  files: FileScan[];
  facts: VersionFacts;
  benchmarkCandidates: string[];
}

/**
 * Inspects every file of a version, one at a time (each reads headers only), then what only the whole
 * file set shows: sharded safetensors against their index, ONNX external data against the version's
 * files, and the version's facts for the catalog. ONNX models are read first, so that the files they read as
 * external data are judged as such. Everything returned can be stored as jsonb (`storable-strings.ts`): a
 * file whose strings had to change says so in an `unstorable_string` warning.
 */
export async function scanVersion(files: readonly VersionFileInput[]): Promise<VersionScan> {
  const sizes = new Map(files.map((file) => [file.path, file.size]));
  const onnxScans = new Map<string, FileScan>();
  for (const file of files) {
    if (fileFormat(file.path) === 'onnx') onnxScans.set(file.path, await inspectFile(file.path, file.source));
  }
  const externalData = externalDataFiles(
    [...onnxScans.values()].map((scan) => ({ modelPath: scan.path, references: (scan.facts as Partial<OnnxFacts>).externalData ?? [] })),
    sizes,
  );
  const scans: FileScan[] = [];
  for (const file of files) {
    const models = externalData.get(file.path);
    scans.push(
      onnxScans.get(file.path) ??
        (models ? await inspectOnnxExternalDataFile(file.path, file.source, models) : await inspectFile(file.path, file.source)),
    );
  }
  const byPath = new Map(scans.map((scan) => [scan.path, scan]));

  for (const file of files) {
    if (file.path.endsWith('.safetensors.index.json') && byPath.get(file.path)?.status !== 'critical') {
      await checkShardIndex(file, scans, byPath.get(file.path)!);
    }
  }
  for (const scan of scans) {
    if (scan.inspector !== 'onnx' || !('externalData' in scan.facts)) continue;
    const facts = scan.facts as OnnxFacts;
    addFindings(
      scan,
      checkOnnxExternalData({ modelPath: scan.path, references: facts.externalData, customDomains: facts.customDomains, files: sizes }),
    );
  }

  const stored = scans.map(storableScan);
  const pathsOf = (inspector: string) => stored.filter((scan) => scan.inspector === inspector).map((scan) => scan.path);
  // ONNX first: the version's facts take the main ONNX graph from the head of this list.
  const benchmarkCandidates = [...mainOnnxFiles(pathsOf('onnx')), ...mainGgufFiles(pathsOf('gguf'))];
  const facts = versionFacts({ scans: stored, benchmarkFiles: benchmarkCandidates, sizes, externalData });
  return { files: stored, facts: storableStrings(facts).value, benchmarkCandidates };
}

async function checkShardIndex(file: VersionFileInput, scans: readonly FileScan[], indexScan: FileScan): Promise<void> {
  const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  try {
    const index = await readSafetensorsIndex(file.source);
    const shards = scans
      .filter((scan) => scan.inspector === 'safetensors' && scan.tensorNames && scan.path.startsWith(folder))
      .map((scan) => ({ path: scan.path, facts: scan.facts as TensorFacts, tensorNames: scan.tensorNames! }));
    const inspection = inspectShardSet({ indexPath: file.path, index, files: scans.map((scan) => scan.path), shards });
    addFindings(indexScan, inspection.findings);
    indexScan.facts = { ...indexScan.facts, shardSet: inspection.facts };
  } catch (error) {
    if (error instanceof ByteSourceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    addFindings(indexScan, [{ severity: 'critical', code: 'safetensors_index_unreadable', message: `${file.path}: ${message}` }]);
  }
}

/** The scan with every string storable as jsonb, and a warning naming the first one that was not. */
function storableScan(scan: FileScan): FileScan {
  const { value, first } = storableStrings(scan);
  if (first) {
    addFindings(value, [
      {
        severity: 'warning',
        code: 'unstorable_string',
        message: `${value.path}: ${first.where} holds a NUL or an unpaired UTF-16 surrogate, shown as U+FFFD: "${first.text}"`,
        evidence: { where: first.where, text: first.text },
      },
    ]);
  }
  return value;
}

function addFindings(scan: FileScan, findings: FileScan['findings']): void {
  if (findings.length === 0) return;
  scan.findings.push(...findings);
  if (scan.status !== 'error') scan.status = statusOf(scan.findings);
}
