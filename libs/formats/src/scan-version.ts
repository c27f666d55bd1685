import { type ByteSource, ByteSourceError } from './byte-source.js';
import type { ConfigFacts } from './config-json.js';
import type { GgufFacts } from './gguf.js';
import { hardwareFit, type HardwareFit } from './hardware-fit.js';
import { type FileScan, inspectFile, statusOf } from './inspect-file.js';
import { mainOnnxFiles } from './main-onnx-files.js';
import { checkOnnxExternalData } from './onnx-external-data.js';
import type { OnnxFacts, OnnxValueInfo } from './onnx.js';
import { inspectShardSet, readSafetensorsIndex } from './safetensors-index.js';
import { type TensorFacts, TensorTally, totalBytes } from './tensor-facts.js';

export interface VersionFileInput {
  path: string;
  size: number;
  source: ByteSource;
}

/** A type, not an interface, so it is assignable to JSON columns. */
export type VersionFacts = {
  /** Where the weight counts come from: all safetensors files, else the main ONNX file, else the first GGUF file. */
  weightsFrom?: { format: 'safetensors' | 'onnx' | 'gguf'; files: string[] };
  parameters?: number;
  parametersByDtype?: Record<string, number>;
  bytesByDtype?: Record<string, number>;
  tensorCount?: number;
  /** Weight formats among the files. */
  formats: string[];
  architecture?: string;
  modelType?: string;
  contextLength?: number;
  /** The GGUF file type of the first GGUF file, e.g. MOSTLY_Q4_K_M. */
  quantization?: string;
  config?: ConfigFacts;
  onnx: {
    path: string;
    irVersion: number;
    opsets: { domain: string; version: number }[];
    producer: string;
    inputs: OnnxValueInfo[];
    outputs: OnnxValueInfo[];
    parameters: number;
    customDomains: string[];
  }[];
  gguf: { path: string; architecture?: string; contextLength?: number; fileType?: string; parameters: number; hardwareFit: HardwareFit }[];
  hardwareFit?: HardwareFit;
  /** A `.py` file or an `auto_map`: loading it with trust_remote_code runs the repository's code. */
  remoteCode: boolean;
  /** The ONNX files an automatic benchmark runs. */
  benchmarkFiles: string[];
};

export interface VersionScan {
  files: FileScan[];
  facts: VersionFacts;
  benchmarkCandidates: string[];
}

const WEIGHT_INSPECTORS = new Set(['safetensors', 'onnx', 'gguf', 'pickle', 'npy']);

/**
 * Inspects every file of a version, one at a time (each reads headers only), then what only the whole
 * file set shows: sharded safetensors against their index, ONNX external data against the version's
 * files, and the version's facts for the catalog.
 */
export async function scanVersion(files: readonly VersionFileInput[]): Promise<VersionScan> {
  const scans: FileScan[] = [];
  for (const file of files) scans.push(await inspectFile(file.path, file.source));
  const byPath = new Map(scans.map((scan) => [scan.path, scan]));
  const sizes = new Map(files.map((file) => [file.path, file.size]));

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

  const benchmarkCandidates = mainOnnxFiles(scans.filter((scan) => scan.inspector === 'onnx').map((scan) => scan.path));
  return { files: scans, facts: versionFacts(scans, benchmarkCandidates), benchmarkCandidates };
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

function addFindings(scan: FileScan, findings: FileScan['findings']): void {
  if (findings.length === 0) return;
  scan.findings.push(...findings);
  if (scan.status !== 'error') scan.status = statusOf(scan.findings);
}

function versionFacts(scans: readonly FileScan[], benchmarkFiles: string[]): VersionFacts {
  const read = (inspector: string) => scans.filter((scan) => scan.inspector === inspector && Object.keys(scan.facts).length > 0);
  const onnx = read('onnx').map((scan) => ({ path: scan.path, facts: scan.facts as OnnxFacts }));
  const gguf = read('gguf').map((scan) => ({ path: scan.path, facts: scan.facts as GgufFacts }));
  const config = scans.find((scan) => scan.path === 'config.json')?.facts.config as ConfigFacts | undefined;
  const weights = primaryWeights(read('safetensors'), onnx, gguf, benchmarkFiles);
  const firstGguf = gguf[0]?.facts;
  return {
    ...(weights ? { weightsFrom: weights.from, ...weights.facts, hardwareFit: hardwareFit(totalBytes(weights.facts)) } : {}),
    formats: [...new Set(scans.filter((scan) => WEIGHT_INSPECTORS.has(scan.inspector)).map((scan) => scan.inspector))].sort(),
    ...definedOnly({
      architecture: config?.architecture ?? firstGguf?.architecture,
      modelType: config?.modelType,
      contextLength: config?.contextLength ?? firstGguf?.contextLength,
      quantization: firstGguf?.fileType,
      config,
    }),
    onnx: onnx.map(({ path, facts }) => ({
      path,
      irVersion: facts.irVersion,
      opsets: facts.opsets,
      producer: [facts.producer.name, facts.producer.version].filter(Boolean).join(' '),
      inputs: facts.inputs,
      outputs: facts.outputs,
      parameters: facts.parameters,
      customDomains: facts.customDomains,
    })),
    gguf: gguf.map(({ path, facts }) => ({
      path,
      ...definedOnly({ architecture: facts.architecture, contextLength: facts.contextLength, fileType: facts.fileType }),
      parameters: facts.parameters,
      hardwareFit: hardwareFit(totalBytes(facts)),
    })),
    remoteCode: scans.some((scan) => scan.path.endsWith('.py') || scan.findings.some((finding) => finding.code === 'remote_code')),
    benchmarkFiles,
  };
}

/**
 * Counting every weight file would count a model once per format (a repo often ships safetensors, ONNX
 * and GGUF of the same weights): the count comes from one format, in the order a catalog trusts most.
 */
function primaryWeights(
  safetensors: readonly FileScan[],
  onnx: readonly { path: string; facts: OnnxFacts }[],
  gguf: readonly { path: string; facts: GgufFacts }[],
  benchmarkFiles: readonly string[],
): { from: NonNullable<VersionFacts['weightsFrom']>; facts: TensorFacts } | undefined {
  if (safetensors.length > 0) {
    const tally = new TensorTally();
    for (const scan of safetensors) tally.addFacts(scan.facts as TensorFacts);
    return { from: { format: 'safetensors', files: safetensors.map((scan) => scan.path) }, facts: tensorFactsOf(tally.facts()) };
  }
  const mainOnnx = onnx.find((file) => file.path === benchmarkFiles[0]) ?? onnx[0];
  if (mainOnnx) return { from: { format: 'onnx', files: [mainOnnx.path] }, facts: tensorFactsOf(mainOnnx.facts) };
  const firstGguf = gguf[0];
  if (firstGguf) return { from: { format: 'gguf', files: [firstGguf.path] }, facts: tensorFactsOf(firstGguf.facts) };
  return undefined;
}

const tensorFactsOf = ({ tensorCount, parameters, parametersByDtype, bytesByDtype }: TensorFacts): TensorFacts => ({
  tensorCount,
  parameters,
  parametersByDtype,
  bytesByDtype,
});

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
