import { parseArgs } from 'node:util';
import { number, UsageError } from '../cli-arguments.js';
import { BACKENDS } from './gguf-options.js';
import type { RequestedBackend, RunGgufBenchmarkOptions } from './gguf-types.js';

export const GGUF_USAGE = `Usage: vetted-bench MODEL.gguf [options]

Smoke-tests a GGUF model (llama.cpp through node-llama-cpp) in a child process: load time, prompt processing
and generation tokens/s, time to first token, the greedy completion of a fixed prompt (its fingerprint) and
the perplexity of a fixed text. For a split model give the first part (…-00001-of-0000N.gguf).

  -e, --backend BACKEND      auto (default: CUDA, then Vulkan, then CPU), cpu, vulkan or cuda; explicit
                             backends never fall back (--ep is the same)
      --context-size N       tokens the context holds (default 1024)
      --prompt-tokens N      length of the timed prompt (default 128)
      --generate-tokens N    tokens generated greedily (default 64)
      --seed N               sampling seed, recorded (default 1)
      --threads N            llama.cpp threads (default: the cores useful for math)
      --timeout SECONDS      kill the run after this long (default 300)
      --memory-limit MIB     kill the run past this resident memory (default 75 % of RAM)
      --json                 print the result as JSON
  -h, --help`;

export type GgufCliCommand = { help: true } | { help: false; modelPath: string; options: RunGgufBenchmarkOptions; json: boolean };

/** The command line names a GGUF model: it takes these options instead of the ONNX ones. */
export const isGgufCommand = (argv: readonly string[]): boolean => argv.some((arg) => arg.toLowerCase().endsWith('.gguf'));

export function parseGgufCliArguments(argv: readonly string[]): GgufCliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        backend: { type: 'string', short: 'e' },
        ep: { type: 'string' },
        'context-size': { type: 'string' },
        'prompt-tokens': { type: 'string' },
        'generate-tokens': { type: 'string' },
        seed: { type: 'string' },
        threads: { type: 'string' },
        timeout: { type: 'string' },
        'memory-limit': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError('give exactly one model file');
  const backend = values.backend ?? values.ep;
  if (backend !== undefined && !BACKENDS.includes(backend as RequestedBackend)) {
    throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}`);
  }
  const options: RunGgufBenchmarkOptions = {};
  if (backend !== undefined) options.backend = backend as RequestedBackend;
  if (values['context-size'] !== undefined) options.contextSize = number('--context-size', values['context-size']);
  if (values['prompt-tokens'] !== undefined) options.promptTokens = number('--prompt-tokens', values['prompt-tokens']);
  if (values['generate-tokens'] !== undefined) options.generateTokens = number('--generate-tokens', values['generate-tokens']);
  if (values.seed !== undefined) options.seed = number('--seed', values.seed);
  if (values.threads !== undefined) options.threads = number('--threads', values.threads);
  if (values.timeout !== undefined) options.timeoutMs = number('--timeout', values.timeout) * 1000;
  if (values['memory-limit'] !== undefined) options.memoryLimitMb = number('--memory-limit', values['memory-limit']);
  return { help: false, modelPath: positionals[0] ?? '', options, json: values.json };
}
