import { parseArgs } from 'node:util';
import { EXECUTION_PROVIDERS } from '@vetted/domain';
import type { ExplicitInput, ReferenceOptions, RequestedProvider, RunBenchmarkOptions } from './benchmark-types.js';

export const USAGE = `Usage: vetted-bench MODEL.onnx [options]

Smoke-tests and times an ONNX model in a child process (a GGUF model: vetted-bench MODEL.gguf --help).

  -e, --ep PROVIDER          auto (default), cpu, webgpu or cuda; explicit providers never fall back
  -b, --batch N              batch size for batch-like dimensions (default 1)
  -n, --iterations N         timed runs (default 20)
  -w, --warmup N             untimed runs first (default 3)
      --duration SECONDS     time budget for the timed runs
      --dim NAME=N           symbolic dimension, by name, kind (sequence, height, past_sequence…) or
                             position (x.2: axis 2 of input x); repeatable
      --input NAME=VALUES    an input's values (1,2,3) or fill (zeros, ones, random); repeatable
      --config FILE          config.json whose vocab_size bounds token ids
      --preprocessor-config FILE   preprocessor_config.json whose image size fills image heights and widths
      --vocab-size N         bound for token ids without a config
      --threads N            ONNX Runtime intra-op threads
      --seed N               seed of the synthetic inputs (default 1)
      --timeout SECONDS      kill the run after this long (default 300)
      --memory-limit MIB     kill the run past this resident memory (default 75 % of RAM)
      --reference-dir DIR    ONNX test data (input_0.pb|npy…, output_0.pb|npy…) to compare with
      --reference-input NAME=FILE, --reference-output NAME=FILE   single reference tensors; repeatable
      --atol X, --rtol X     reference tolerance (default 1e-4, 1e-3)
      --json                 print the result as JSON
  -h, --help`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CliCommand = { help: true } | { help: false; modelPath: string; options: RunBenchmarkOptions; json: boolean };

const PROVIDERS: readonly string[] = EXECUTION_PROVIDERS;
const FILLS = ['zeros', 'ones', 'random'];

export function parseCliArguments(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        ep: { type: 'string', short: 'e' },
        batch: { type: 'string', short: 'b' },
        iterations: { type: 'string', short: 'n' },
        warmup: { type: 'string', short: 'w' },
        duration: { type: 'string' },
        dim: { type: 'string', multiple: true },
        input: { type: 'string', multiple: true },
        config: { type: 'string' },
        'preprocessor-config': { type: 'string' },
        'vocab-size': { type: 'string' },
        threads: { type: 'string' },
        seed: { type: 'string' },
        timeout: { type: 'string' },
        'memory-limit': { type: 'string' },
        'reference-dir': { type: 'string' },
        'reference-input': { type: 'string', multiple: true },
        'reference-output': { type: 'string', multiple: true },
        atol: { type: 'string' },
        rtol: { type: 'string' },
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
  const modelPath = positionals[0] ?? '';
  if (values.ep !== undefined && !PROVIDERS.includes(values.ep)) throw new UsageError(`--ep must be one of ${PROVIDERS.join(', ')}`);

  const options: RunBenchmarkOptions = {};
  if (values.ep !== undefined) options.executionProvider = values.ep as RequestedProvider;
  if (values.batch !== undefined) options.batchSize = number('--batch', values.batch);
  if (values.iterations !== undefined) options.iterations = number('--iterations', values.iterations);
  if (values.warmup !== undefined) options.warmup = number('--warmup', values.warmup);
  if (values.duration !== undefined) options.durationMs = number('--duration', values.duration) * 1000;
  if (values.dim)
    options.dims = Object.fromEntries(
      values.dim.map((pair) => splitPair('--dim', pair)).map(([name, value]) => [name, number('--dim', value)]),
    );
  if (values.input)
    options.inputs = Object.fromEntries(
      values.input.map((pair) => splitPair('--input', pair)).map(([name, value]) => [name, explicitInput(value)]),
    );
  if (values.config !== undefined) options.configPath = values.config;
  if (values['preprocessor-config'] !== undefined) options.preprocessorConfigPath = values['preprocessor-config'];
  if (values['vocab-size'] !== undefined) options.vocabSize = number('--vocab-size', values['vocab-size']);
  if (values.threads !== undefined) options.threads = number('--threads', values.threads);
  if (values.seed !== undefined) options.seed = number('--seed', values.seed);
  if (values.timeout !== undefined) options.timeoutMs = number('--timeout', values.timeout) * 1000;
  if (values['memory-limit'] !== undefined) options.memoryLimitMb = number('--memory-limit', values['memory-limit']);
  const reference = referenceOptions(values);
  if (reference) options.reference = reference;
  return { help: false, modelPath, options, json: values.json };
}

type ReferenceValues = {
  'reference-dir'?: string;
  'reference-input'?: string[];
  'reference-output'?: string[];
  atol?: string;
  rtol?: string;
};

function referenceOptions(values: ReferenceValues): ReferenceOptions | undefined {
  const files = (flag: string, pairs: string[] | undefined) => pairs && Object.fromEntries(pairs.map((pair) => splitPair(flag, pair)));
  const reference: ReferenceOptions = {
    ...(values['reference-dir'] !== undefined && { dir: values['reference-dir'] }),
    ...(values['reference-input'] && { inputs: files('--reference-input', values['reference-input']) }),
    ...(values['reference-output'] && { outputs: files('--reference-output', values['reference-output']) }),
    ...(values.atol !== undefined && { atol: number('--atol', values.atol) }),
    ...(values.rtol !== undefined && { rtol: number('--rtol', values.rtol) }),
  };
  return Object.keys(reference).length ? reference : undefined;
}

function explicitInput(value: string): ExplicitInput {
  if (FILLS.includes(value)) return { fill: value as ExplicitInput['fill'] };
  return { data: value.split(',').map((item) => number('--input', item)) };
}

function splitPair(flag: string, pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes NAME=VALUE, got ${pair}`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

/** A flag's value as a number, or a UsageError naming the flag. */
export function number(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag}: ${text} is not a number`);
  return value;
}
