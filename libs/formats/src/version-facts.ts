import { fileFormat } from '@vetted/domain';
import type { ConfigFacts } from './config-json.js';
import type { GgufFacts } from './gguf.js';
import { hardwareFit, type HardwareFit } from './hardware-fit.js';
import type { FileScan } from './inspect-file.js';
import type { OnnxFacts, OnnxValueInfo } from './onnx.js';
import { type TensorFacts, TensorTally, totalBytes } from './tensor-facts.js';

/** A type, not an interface, so it is assignable to JSON columns. */
export type VersionFacts = {
  /** Where the weight counts come from: all safetensors files, else the main ONNX file, else the first GGUF file (or split set). */
  weightsFrom?: { format: 'safetensors' | 'onnx' | 'gguf'; files: string[] };
  /**
   * The weights' totals, absent when any of them cannot be known: a weight file that could not be read, a
   * shard the index lists but the version lacks, an ONNX count that is unknown. A partial sum is never shown
   * as the total; the hardware fit then goes by the weight files' sizes.
   */
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
    parameters: number | null;
    customDomains: string[];
  }[];
  gguf: { path: string; architecture?: string; contextLength?: number; fileType?: string; parameters: number; hardwareFit: HardwareFit }[];
  hardwareFit?: HardwareFit;
  /** A `.py` file or an `auto_map`: loading it with trust_remote_code runs the repository's code. */
  remoteCode: boolean;
  /** The ONNX and GGUF files an automatic benchmark runs, ONNX first. */
  benchmarkFiles: string[];
};

/** Every key a scan may write: a re-scan replaces all of them, so a fact it no longer finds does not linger. */
export const SCAN_FACT_KEYS = [
  'weightsFrom',
  'parameters',
  'parametersByDtype',
  'bytesByDtype',
  'tensorCount',
  'formats',
  'architecture',
  'modelType',
  'contextLength',
  'quantization',
  'config',
  'onnx',
  'gguf',
  'hardwareFit',
  'remoteCode',
  'benchmarkFiles',
] as const satisfies readonly (keyof VersionFacts)[];

export interface VersionFactsInput {
  scans: readonly FileScan[];
  benchmarkFiles: string[];
  /** Every file of the version: path → size in bytes. */
  sizes: ReadonlyMap<string, number>;
  /** Files ONNX models read as external data: path → the models. */
  externalData: ReadonlyMap<string, readonly string[]>;
}

const WEIGHT_INSPECTORS = new Set(['safetensors', 'onnx', 'gguf', 'pickle', 'npy']);
/** llama.cpp's gguf-split names: `<name>-00001-of-00003.gguf`. */
const GGUF_SPLIT = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

/** What the version's files say together, for the catalog. */
export function versionFacts({ scans, benchmarkFiles, sizes, externalData }: VersionFactsInput): VersionFacts {
  const read = (inspector: string) => scans.filter((scan) => scan.inspector === inspector && Object.keys(scan.facts).length > 0);
  const onnx = read('onnx').map((scan) => ({ path: scan.path, facts: scan.facts as OnnxFacts }));
  const gguf = read('gguf').map((scan) => ({ path: scan.path, facts: scan.facts as GgufFacts }));
  const config = scans.find((scan) => scan.path === 'config.json')?.facts.config as ConfigFacts | undefined;
  const weights = primaryWeights(scans, onnx, gguf, benchmarkFiles, externalData);
  const firstGguf = gguf[0]?.facts;
  return {
    ...(weights ? { weightsFrom: weights.from, ...weights.facts, hardwareFit: weightsFit(weights, sizes) } : {}),
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

interface Weights {
  from: NonNullable<VersionFacts['weightsFrom']>;
  /** Undefined when the totals cannot be known. */
  facts?: TensorFacts;
  /** The files holding the weights, external data included: their sizes stand in for unknown totals. */
  files: string[];
}

/**
 * Counting every weight file would count a model once per format (a repo often ships safetensors, ONNX
 * and GGUF of the same weights): the count comes from one format, in the order a catalog trusts most.
 */
function primaryWeights(
  scans: readonly FileScan[],
  onnx: readonly { path: string; facts: OnnxFacts }[],
  gguf: readonly { path: string; facts: GgufFacts }[],
  benchmarkFiles: readonly string[],
  externalData: ReadonlyMap<string, readonly string[]>,
): Weights | undefined {
  const safetensors = scans.filter((scan) => scan.inspector === 'safetensors' || fileFormat(scan.path) === 'safetensors');
  if (safetensors.length > 0) {
    const shardMissing = scans.some((scan) => scan.findings.some((finding) => finding.code === 'shard_missing'));
    const files = safetensors.map((scan) => scan.path);
    return { from: { format: 'safetensors', files }, files, facts: shardMissing ? undefined : sum(safetensors) };
  }
  const mainOnnx = onnx.find((file) => file.path === benchmarkFiles[0]) ?? onnx[0];
  if (mainOnnx) {
    const { facts, path } = mainOnnx;
    const data = [...externalData].filter(([, models]) => models.includes(path)).map(([file]) => file);
    return {
      from: { format: 'onnx', files: [path] },
      files: [path, ...data],
      facts: facts.parameters === null ? undefined : tensorFactsOf({ ...facts, parameters: facts.parameters }),
    };
  }
  const firstGguf = gguf[0];
  if (!firstGguf) return undefined;
  const split = GGUF_SPLIT.exec(firstGguf.path);
  if (!split) return { from: { format: 'gguf', files: [firstGguf.path] }, files: [firstGguf.path], facts: tensorFactsOf(firstGguf.facts) };
  const [, stem, , parts] = split;
  const set = scans.filter((scan) => {
    const part = GGUF_SPLIT.exec(scan.path);
    return part !== null && part[1] === stem && part[3] === parts;
  });
  const files = set.map((scan) => scan.path);
  return { from: { format: 'gguf', files }, files, facts: set.length === Number(parts) ? sum(set) : undefined };
}

/** The totals of several weight files, unknown when one of them could not be read. */
function sum(scans: readonly FileScan[]): TensorFacts | undefined {
  if (scans.some((scan) => Object.keys(scan.facts).length === 0)) return undefined;
  const tally = new TensorTally();
  for (const scan of scans) tally.addFacts(scan.facts as TensorFacts);
  return tensorFactsOf(tally.facts());
}

/** By the tensors when they are known, else by what the weight files weigh. */
function weightsFit(weights: Weights, sizes: ReadonlyMap<string, number>): HardwareFit {
  if (weights.facts) return hardwareFit(totalBytes(weights.facts));
  return hardwareFit(
    weights.files.reduce((total, path) => total + (sizes.get(path) ?? 0), 0),
    { from: 'file sizes' },
  );
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
