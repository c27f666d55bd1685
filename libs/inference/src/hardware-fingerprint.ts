import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { GpuInfo, HardwareFingerprint } from './benchmark-types.js';

const NVIDIA_SMI_ARGS = ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits'];
const NVIDIA_SMI_TIMEOUT_MS = 5000;

let fingerprint: Promise<HardwareFingerprint> | undefined;

/** What a result was measured on; asked once per process. */
export function detectHardware(): Promise<HardwareFingerprint> {
  fingerprint ??= nvidiaGpus().then((gpus) => {
    const cpus = os.cpus();
    return {
      cpu: { model: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length || os.availableParallelism() },
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      gpus,
      platform: `${process.platform}-${process.arch}`,
      nodeVersion: process.version,
      onnxruntimeVersion: onnxruntimeVersion(),
    };
  });
  return fingerprint;
}

/** The installed onnxruntime-node's version, read without loading the native runtime. */
export function onnxruntimeVersion(): string {
  try {
    const manifest: unknown = createRequire(import.meta.url)('onnxruntime-node/package.json');
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** NVIDIA GPUs as `nvidia-smi` lists them; none when it is absent or fails. */
function nvidiaGpus(): Promise<GpuInfo[]> {
  return new Promise((resolve) => {
    execFile('nvidia-smi', NVIDIA_SMI_ARGS, { timeout: NVIDIA_SMI_TIMEOUT_MS }, (error, stdout) =>
      resolve(error ? [] : parseNvidiaSmi(stdout)),
    );
  });
}

/** Parses `nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(output: string): GpuInfo[] {
  return output
    .split('\n')
    .map((line) => line.split(',').map((field) => field.trim()))
    .filter((fields) => fields.length >= 2 && fields[0])
    .map(([name = '', driver = '', memory]) => {
      const memoryMb = Number(memory);
      return Number.isFinite(memoryMb) && memory
        ? { name, driver, memoryMb, source: 'nvidia-smi' }
        : { name, driver, source: 'nvidia-smi' };
    });
}
