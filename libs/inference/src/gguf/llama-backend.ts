import { createRequire } from 'node:module';
import type { Llama, LlamaLogLevel } from 'node-llama-cpp';
import { BenchmarkFailure, errorMessage } from '../benchmark-failure.js';
import type { BackendOutcome, LlamaBackendName, RequestedBackend } from './gguf-types.js';

/** What `auto` tries, best first. */
const AUTO_ORDER: readonly LlamaBackendName[] = ['cuda', 'vulkan', 'cpu'];
const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'mac', win32: 'win' };

export type LlamaLogger = (level: LlamaLogLevel, message: string) => void;

/**
 * The backend a run will use, started: `auto` falls back and says why; an explicit backend that cannot start fails
 * the run with `provider_unavailable`. Only node-llama-cpp's prebuilt binaries (npm packages) are used: `build:
 * 'never'` and `skipDownload` make a missing or unusable binary an error, never a download or a source build.
 */
export async function startLlamaBackend(
  requested: RequestedBackend,
  logger: LlamaLogger,
): Promise<{ llama: Llama; outcome: BackendOutcome & { actual: LlamaBackendName } }> {
  const { getLlama, NoBinaryFoundError } = await import('node-llama-cpp').catch((error: unknown) => {
    throw new BenchmarkFailure('provider_unavailable', `node-llama-cpp cannot be loaded: ${errorMessage(error)}`);
  });
  const start = async (backend: LlamaBackendName): Promise<Llama> => {
    try {
      return await getLlama({
        gpu: backend === 'cpu' ? false : backend,
        build: 'never',
        skipDownload: true,
        usePrebuiltBinaries: true,
        progressLogs: false,
        logLevel: 'warn' as LlamaLogLevel,
        logger,
      });
    } catch (error) {
      const reason = error instanceof NoBinaryFoundError ? missingBinaryReason(backend) : errorMessage(error);
      throw new BenchmarkFailure('provider_unavailable', `${backend} cannot start here: ${reason}`);
    }
  };
  if (requested !== 'auto') return { llama: await start(requested), outcome: { requested, actual: requested } };
  const reasons: string[] = [];
  for (const backend of AUTO_ORDER) {
    try {
      const llama = await start(backend);
      return {
        llama,
        outcome: reasons.length ? { requested, actual: backend, fallbackReason: reasons.join('; ') } : { requested, actual: backend },
      };
    } catch (error) {
      if (!(error instanceof BenchmarkFailure)) throw error;
      reasons.push(error.message);
    }
  }
  throw new BenchmarkFailure('provider_unavailable', `no llama.cpp backend can start here: ${reasons.join('; ')}`);
}

/** node-llama-cpp says only "no binary found": whether its prebuilt package is installed tells the two usual causes apart. */
function missingBinaryReason(backend: LlamaBackendName): string {
  const platform = PLATFORM_NAMES[process.platform] ?? process.platform;
  const packageName = `@node-llama-cpp/${platform}-${process.arch}${backend === 'cpu' ? '' : `-${backend}`}`;
  try {
    createRequire(import.meta.url).resolve(packageName);
  } catch {
    return `its prebuilt binary (${packageName}) is not installed`;
  }
  return backend === 'cpu'
    ? `the prebuilt binary in ${packageName} did not load on this machine`
    : `the prebuilt binary in ${packageName} did not load: no usable ${backend === 'cuda' ? 'CUDA driver and runtime' : 'Vulkan loader and GPU driver'}`;
}
