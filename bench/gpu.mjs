// GPU measurements in one go. PREPARED, NOT YET RUN ON A GPU: written in a session without one (see bench/README.md).
//
// On a Linux x64 machine with an NVIDIA GPU and this repository installed (`npm ci`: node-llama-cpp's CUDA and
// Vulkan binaries come with it) and built (`npm run build`):
//   node bench/gpu.mjs [--gguf FILE]... [--width 4096] [--layers 8] [--batch 256] [--iterations 20] [--out gpu-figures.json]
// It measures, each through Vetted's runners (child process, guards, the figures a run records):
//   1. the same ONNX MLP (layers × MatMul width×width + Add + Relu, batch; the GPU guide's probe) on the CPU,
//      WebGPU and CUDA execution providers;
//   2. where python3 has PyTorch with CUDA, the same MLP in PyTorch (fp32, TF32 off, then on) as the baseline;
//   3. the tiny GGUF Llama of the tests, a small one (27 M parameters, same writer) and every --gguf FILE (a real
//      small model) on the CPU, Vulkan and CUDA llama.cpp backends: tokens/s, time to first token, layers
//      offloaded, VRAM, perplexity, output fingerprint.
// A provider or backend that cannot start is reported with its reason, not skipped. Vulkan needs the loader and
// the driver's ICD (VK_DRIVER_FILES); the GPU image has them (README, "GPU workers").
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { detectHardware, runBenchmark, runGgufBenchmark } from '../libs/inference/dist/index.js';
import { importTypeScript } from './typescript-module.mjs';

const { values } = parseArgs({
  options: {
    gguf: { type: 'string', multiple: true, default: [] },
    width: { type: 'string', default: '4096' },
    layers: { type: 'string', default: '8' },
    batch: { type: 'string', default: '256' },
    iterations: { type: 'string', default: '20' },
    out: { type: 'string', default: 'gpu-figures.json' },
  },
});
const [width, layers, batch, iterations] = ['width', 'layers', 'batch', 'iterations'].map((key) => Number(values[key]));
const TIMEOUT_MS = 600_000;
/** Llamas written by test/gguf-llm.ts: the tests' own, and one big enough for a GPU to matter a little. */
const GENERATED_GGUF = {
  tiny: undefined,
  small: { embedding: 512, heads: 8, kvHeads: 8, feedForward: 1536, layers: 8, contextLength: 2048 },
};

/** The MLP in PyTorch on CUDA, timed like the runner (warm-up, then p50 of synchronised runs). */
const TORCH_BASELINE = `
import json, sys, time
import torch
width, layers, batch, iterations = map(int, sys.argv[1:5])
if not torch.cuda.is_available():
    print(json.dumps({"error": "torch.cuda.is_available() is False"})); sys.exit(0)
layer_list = []
for _ in range(layers):
    layer_list += [torch.nn.Linear(width, width), torch.nn.ReLU()]
model = torch.nn.Sequential(*layer_list).cuda().eval()
x = torch.randn(batch, width, device="cuda")
def p50(tf32):
    torch.backends.cuda.matmul.allow_tf32 = tf32
    with torch.no_grad():
        for _ in range(3): model(x)
        torch.cuda.synchronize()
        samples = []
        for _ in range(iterations):
            started = time.perf_counter(); model(x); torch.cuda.synchronize()
            samples.append((time.perf_counter() - started) * 1000)
    return sorted(samples)[(len(samples) - 1) // 2]
print(json.dumps({"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "p50Ms": p50(False), "tf32P50Ms": p50(True)}))
`;

async function torchBaseline() {
  try {
    const { stdout } = await promisify(execFile)('python3', ['-c', TORCH_BASELINE, ...[width, layers, batch, iterations].map(String)], {
      timeout: TIMEOUT_MS,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } catch (error) {
    return {
      error: `no PyTorch baseline: ${String(error.stderr || error.message)
        .trim()
        .split('\n')
        .at(-1)}`,
    };
  }
}

async function onnxRows(model) {
  const rows = [];
  for (const executionProvider of ['cpu', 'webgpu', 'cuda']) {
    const result = await runBenchmark(model, { executionProvider, batchSize: batch, warmup: 3, iterations, timeoutMs: TIMEOUT_MS });
    rows.push(
      result.status === 'succeeded'
        ? { executionProvider, p50Ms: result.metrics.p50Ms, throughput: result.metrics.throughput, loadMs: result.metrics.loadMs }
        : { executionProvider, error: `${result.error.kind}: ${result.error.message}` },
    );
  }
  return rows;
}

async function ggufRows(file) {
  const rows = [];
  for (const backend of ['cpu', 'vulkan', 'cuda']) {
    const result = await runGgufBenchmark(file, { backend, timeoutMs: TIMEOUT_MS });
    if (result.status !== 'succeeded') {
      rows.push({ model: path.basename(file), backend, error: `${result.error.kind}: ${result.error.message}` });
      continue;
    }
    const m = result.metrics;
    rows.push({
      model: path.basename(file),
      backend,
      gpuLayers: `${m.gpuLayers}/${m.totalLayers}`,
      promptTokensPerSecond: m.promptTokensPerSecond,
      generationTokensPerSecond: m.generationTokensPerSecond,
      timeToFirstTokenMs: m.timeToFirstTokenMs,
      vramUsedMb: m.vramUsedMb ?? null,
      perplexity: result.perplexity.value,
      completionSha256: result.completion.sha256.slice(0, 12),
      devices: result.hardware.llamaGpuDevices ?? [],
    });
  }
  return rows;
}

const table = (rows) => {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
  ].join('\n');
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-gpu-'));
try {
  const hardware = await detectHardware();
  console.log(`# GPU figures, ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `${hardware.gpus.map((gpu) => `${gpu.name} (driver ${gpu.driver}, ${gpu.memoryMb} MiB)`).join(', ') || 'no GPU named by nvidia-smi'}; ` +
      `${hardware.cpu.model} × ${hardware.cpu.cores}, node ${process.version}, onnxruntime-node ${hardware.onnxruntimeVersion}\n`,
  );

  const { mlpModel } = await importTypeScript('test/onnx-model.ts');
  const onnxModel = path.join(dir, 'mlp.onnx');
  await writeFile(onnxModel, mlpModel(width, layers));
  const gflop = (2 * batch * width * width * layers) / 1e9;
  console.log(`## ONNX: ${layers} × MatMul ${width}×${width} + Add + Relu, fp32, batch ${batch} (${gflop.toFixed(1)} GFLOP per run)\n`);
  const onnx = await onnxRows(onnxModel);
  const torch = await torchBaseline();
  console.log(table([...onnx, { executionProvider: 'PyTorch CUDA fp32 (baseline)', ...torch }]), '\n');

  const { tinyLlamaGguf } = await importTypeScript('test/gguf-llm.ts');
  const generated = [];
  for (const [name, dimensions] of Object.entries(GENERATED_GGUF)) {
    generated.push(path.join(dir, `${name}-llama-q8_0.gguf`));
    await writeFile(generated.at(-1), tinyLlamaGguf({ weights: 'q8_0', dimensions }));
  }
  const gguf = [];
  for (const file of [...generated, ...values.gguf]) gguf.push(...(await ggufRows(file)));
  console.log(`## GGUF (llama.cpp through node-llama-cpp; default settings: prompt 128, generate 64, context 1024)\n`);
  console.log(table(gguf));

  await writeFile(
    values.out,
    JSON.stringify({ date: new Date().toISOString(), hardware, width, layers, batch, onnx, torch, gguf }, null, 2),
  );
  console.log(`\nfigures written to ${values.out}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
