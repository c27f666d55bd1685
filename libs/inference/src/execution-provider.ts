import { BenchmarkFailure, errorMessage } from './benchmark-failure.js';
import type { ExecutionProviderName, ExecutionProviderOutcome, RequestedProvider } from './benchmark-types.js';
import { loadOnnxRuntime } from './onnx-runtime.js';
import { PROBE_MODEL } from './probe-model.js';

export type ProviderProbe = { provider: ExecutionProviderName; available: boolean; reason?: string };

/** What `auto` tries, best first. */
const AUTO_ORDER: ExecutionProviderName[] = ['cuda', 'webgpu'];

const probes = new Map<ExecutionProviderName, Promise<ProviderProbe>>();

/**
 * Whether `provider` can start in this process: a session over a one-node model either comes up or says why not
 * (no CUDA provider library, no WebGPU adapter…). Asked once per process.
 */
export function probeExecutionProvider(provider: ExecutionProviderName): Promise<ProviderProbe> {
  let probe = probes.get(provider);
  if (!probe) {
    probe = startProbe(provider);
    probes.set(provider, probe);
  }
  return probe;
}

async function startProbe(provider: ExecutionProviderName): Promise<ProviderProbe> {
  const ort = await loadOnnxRuntime();
  try {
    const session = await ort.InferenceSession.create(PROBE_MODEL, { executionProviders: [provider], logSeverityLevel: 3 });
    await session.release();
    return { provider, available: true };
  } catch (error) {
    return { provider, available: false, reason: conciseReason(errorMessage(error)) };
  }
}

/** ONNX Runtime prefixes its messages with a source location and the failed check; the sentence after is the reason. */
const conciseReason = (message: string): string =>
  message
    .replace(/^\S+\.(cc|cpp|h):\d+ .*? was false\. /s, '')
    .trim()
    .slice(0, 500);

/** The provider a run will use: `auto` falls back and says why; an explicit provider that cannot start fails the run. */
export async function chooseExecutionProvider(
  requested: RequestedProvider,
): Promise<ExecutionProviderOutcome & { actual: ExecutionProviderName }> {
  if (requested === 'cpu') return { requested, actual: 'cpu' };
  if (requested !== 'auto') {
    const probe = await probeExecutionProvider(requested);
    if (!probe.available) throw new BenchmarkFailure('provider_unavailable', `${requested} cannot start here: ${probe.reason}`);
    return { requested, actual: requested };
  }
  const reasons: string[] = [];
  for (const provider of AUTO_ORDER) {
    const probe = await probeExecutionProvider(provider);
    if (probe.available)
      return reasons.length ? { requested, actual: provider, fallbackReason: reasons.join('; ') } : { requested, actual: provider };
    reasons.push(`${provider}: ${probe.reason}`);
  }
  return { requested, actual: 'cpu', fallbackReason: reasons.join('; ') };
}
