import { fileFormat } from '@vetted/domain';
import { type ByteSource, ByteSourceError } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { inspectGguf } from './gguf.js';
import { inspectJsonFile } from './json-file.js';
import { inspectNpy } from './npy.js';
import { inspectOnnx } from './onnx.js';
import { probePickle } from './pickle-probe.js';
import { inspectSafetensors } from './safetensors.js';
import { inspectFileKind, type SniffedFormat } from './sniff.js';
import { inspectPickleCheckpoint } from './torch-checkpoint.js';

/** `error`: the inspector could not finish; like `critical`, it is never taken for clean. */
export type FileScanStatus = 'clean' | 'warning' | 'critical' | 'error';

export interface FileScan {
  path: string;
  /**
   * The inspector that read it: safetensors, onnx, gguf, pickle, npy, json, or none; `onnx_external_data` for
   * tensor bytes an ONNX model of the version reads (`onnx-external-data-file.ts`).
   */
  inspector: Inspector | 'onnx_external_data' | 'none';
  /** What the first bytes are, whatever the name says. */
  sniffed: SniffedFormat;
  status: FileScanStatus;
  /** JSON-safe facts from the inspector (empty when there is none or it failed). */
  facts: Record<string, unknown>;
  findings: Finding[];
  /** Safetensors only: tensor names, for checking a sharded checkpoint's index. Not meant to be stored. */
  tensorNames?: string[];
}

type Inspector = 'safetensors' | 'onnx' | 'gguf' | 'pickle' | 'npy' | 'json';

const INSPECTORS: Record<Inspector, (source: ByteSource, path: string) => Promise<Inspection<object> & { tensorNames?: string[] }>> = {
  safetensors: (source) => inspectSafetensors(source),
  onnx: (source) => inspectOnnx(source),
  gguf: (source) => inspectGguf(source),
  pickle: (source, path) => inspectPickleCheckpoint(source, path),
  npy: (source, path) => inspectNpy(source, path),
  json: (source, path) => inspectJsonFile(source, path),
};

/** Formats a loader recognises by their bytes whatever the file is called (torch.load opens any name). */
const BY_CONTENT: Partial<Record<SniffedFormat, Inspector>> = {
  safetensors: 'safetensors',
  gguf: 'gguf',
  zip: 'pickle',
  torch_legacy: 'pickle',
  npy: 'npy',
};

/**
 * What a file no inspector claims may still be: a pickle (pickle.load and torch.load open any name), whose
 * protocols 0 and 1 have no magic. The probe tells one from text that merely starts like it (a word list
 * whose first lines are `cat` and `dog` reads as an import of `at.dog`).
 */
const PROBED = new Set<SniffedFormat>(['pickle', 'text', 'binary']);

export const FILE_SCAN_TIMEOUT_MS = 120_000;

/**
 * One file: its bytes sniffed and compared with its name, then the inspector its name (or, for an unknown
 * name, its bytes) calls for; text, binary and headerless pickles no inspector claims are probed as pickles
 * (`pickle-probe.ts`). A malformed file is a critical finding; an inspector that throws anything else or runs
 * out of time leaves the file in `error` — scanners fail closed. A `ByteSourceError` (the bytes could not be
 * read) is rethrown instead: it says nothing about the file, and the caller retries the scan.
 */
export async function inspectFile(path: string, source: ByteSource, timeoutMs = FILE_SCAN_TIMEOUT_MS): Promise<FileScan> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`inspection took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([inspect(path, source), timeout]);
  } catch (error) {
    if (error instanceof ByteSourceError) throw error;
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
  const sniffed = kind.facts.format;
  const declared = fileFormat(path);
  let inspector: Inspector | undefined = declared in INSPECTORS ? (declared as Inspector) : BY_CONTENT[sniffed];
  const findings = [...kind.findings];
  let facts: Record<string, unknown> = {};
  let tensorNames: string[] | undefined;
  if (inspector && sniffed !== 'lfs_pointer' && sniffed !== 'empty') {
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
  } else if (!inspector && PROBED.has(sniffed)) {
    const probe = await probePickle(source, path);
    if (probe) {
      inspector = 'pickle';
      facts = probe.facts;
      findings.push(...probe.findings);
    }
  }
  return {
    path,
    inspector: inspector ?? 'none',
    sniffed,
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
