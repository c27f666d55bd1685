import { fileFormat } from '@vetted/domain';
import type { ByteSource } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { inspectGguf } from './gguf.js';
import { inspectJsonFile } from './json-file.js';
import { inspectOnnx } from './onnx.js';
import { inspectSafetensors } from './safetensors.js';
import { inspectFileKind, type SniffedFormat } from './sniff.js';
import { inspectPickleCheckpoint } from './torch-checkpoint.js';

/** `error`: the inspector could not finish; like `critical`, it is never taken for clean. */
export type FileScanStatus = 'clean' | 'warning' | 'critical' | 'error';

export interface FileScan {
  path: string;
  /** The inspector that read it: safetensors, onnx, gguf, pickle, json, or none. */
  inspector: Inspector | 'none';
  /** What the first bytes are, whatever the name says. */
  sniffed: SniffedFormat;
  status: FileScanStatus;
  /** JSON-safe facts from the inspector (empty when there is none or it failed). */
  facts: Record<string, unknown>;
  findings: Finding[];
  /** Safetensors only: tensor names, for checking a sharded checkpoint's index. Not meant to be stored. */
  tensorNames?: string[];
}

type Inspector = 'safetensors' | 'onnx' | 'gguf' | 'pickle' | 'json';

const INSPECTORS: Record<Inspector, (source: ByteSource, path: string) => Promise<Inspection<object> & { tensorNames?: string[] }>> = {
  safetensors: (source) => inspectSafetensors(source),
  onnx: (source) => inspectOnnx(source),
  gguf: (source) => inspectGguf(source),
  pickle: (source, path) => inspectPickleCheckpoint(source, path),
  json: (source, path) => inspectJsonFile(source, path),
};

/** Formats a loader recognises by their bytes whatever the file is called (torch.load opens any name). */
const BY_CONTENT: Partial<Record<SniffedFormat, Inspector>> = {
  safetensors: 'safetensors',
  gguf: 'gguf',
  zip: 'pickle',
  pickle: 'pickle',
  torch_legacy: 'pickle',
};

export const FILE_SCAN_TIMEOUT_MS = 120_000;

/**
 * One file: its bytes sniffed and compared with its name, then the inspector its name (or, for an
 * unknown name, its bytes) calls for. A malformed file is a critical finding; an inspector that throws
 * anything else or runs out of time leaves the file in `error` — scanners fail closed.
 */
export async function inspectFile(path: string, source: ByteSource, timeoutMs = FILE_SCAN_TIMEOUT_MS): Promise<FileScan> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`inspection took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([inspect(path, source), timeout]);
  } catch (error) {
    return {
      path,
      inspector: 'none',
      sniffed: 'binary',
      status: 'error',
      facts: {},
      findings: [{ severity: 'critical', code: 'scan_failed', message: `${path} could not be inspected: ${messageOf(error)}` }],
    };
  } finally {
    clearTimeout(timer);
  }
}

async function inspect(path: string, source: ByteSource): Promise<FileScan> {
  const kind = await inspectFileKind(source, path);
  const declared = fileFormat(path);
  const inspector: Inspector | undefined = declared in INSPECTORS ? (declared as Inspector) : BY_CONTENT[kind.facts.format];
  const findings = [...kind.findings];
  let facts: Record<string, unknown> = {};
  let tensorNames: string[] | undefined;
  if (inspector && kind.facts.format !== 'lfs_pointer' && kind.facts.format !== 'empty') {
    try {
      const inspection = await INSPECTORS[inspector](source, path);
      facts = inspection.facts as Record<string, unknown>;
      tensorNames = inspection.tensorNames;
      findings.push(...inspection.findings);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      findings.push({
        severity: 'critical',
        code: error.code,
        message: `${path}: ${error.message}`,
        ...(error.evidence ? { evidence: error.evidence } : {}),
      });
    }
  }
  return {
    path,
    inspector: inspector ?? 'none',
    sniffed: kind.facts.format,
    status: statusOf(findings),
    facts,
    findings,
    ...(tensorNames ? { tensorNames } : {}),
  };
}

export function statusOf(findings: readonly Finding[]): Exclude<FileScanStatus, 'error'> {
  if (findings.some((finding) => finding.severity === 'critical')) return 'critical';
  return findings.some((finding) => finding.severity === 'warning') ? 'warning' : 'clean';
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
