// Inference runner overhead: the runner's reported p50 against a bare `session.run` loop in the same process,
// on the same model, inputs shape and session options (CPU). Target: overhead under 5 %.
// Model: the GPU guide's probe, layers × (MatMul width×width + Add + Relu), batch 256.
// Run: npx tsc -b libs/inference && node bench/inference.mjs [--width 4096] [--layers 8] [--batch 256]
//      [--iterations 20] [--warmup 3] [--rounds 2] [--threads N] [--child]
// --threads sets ONNX Runtime's intra-op threads for both (default: the runtime's choice); --child also times
// runBenchmark, the runner in its child process.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ort from 'onnxruntime-node';
import { runBenchmark, runBenchmarkInProcess, summariseLatencies } from '../libs/inference/dist/index.js';

const { values } = parseArgs({
  options: {
    width: { type: 'string', default: '4096' },
    layers: { type: 'string', default: '8' },
    batch: { type: 'string', default: '256' },
    iterations: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    threads: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});
const [width, layers, batch, iterations, warmup, rounds] = ['width', 'layers', 'batch', 'iterations', 'warmup', 'rounds'].map((key) =>
  Number(values[key]),
);
const threads = values.threads === undefined ? undefined : Number(values.threads);

// --- A minimal ONNX writer (protobuf by hand), streaming the weights so 512 MiB of them never sit in one buffer.
const varint = (value) => {
  const bytes = [];
  for (let rest = value; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) return Buffer.from([...bytes, rest]);
    bytes.push((rest % 128) | 128);
  }
};
const key = (field, wire) => varint(field * 8 + wire);
const int = (field, value) => Buffer.concat([key(field, 0), varint(value)]);
const bytesField = (field, bytes) => Buffer.concat([key(field, 2), varint(bytes.length), bytes]);
const str = (field, text) => bytesField(field, Buffer.from(text));
const valueInfo = (name, dims) => {
  const dim = (d) => bytesField(1, typeof d === 'number' ? int(1, d) : str(2, d));
  const shape = bytesField(2, Buffer.concat(dims.map(dim)));
  return Buffer.concat([str(1, name), bytesField(2, bytesField(1, Buffer.concat([int(1, 1), shape])))]);
};
const node = (op, inputs, outputs, name) =>
  Buffer.concat([...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, name), str(4, op)]);

async function writeMlp(file) {
  const nodes = [];
  const initializers = []; // [header before raw_data, float count]
  let previous = 'x';
  for (let layer = 0; layer < layers; layer += 1) {
    const out = layer === layers - 1 ? 'y' : `r${layer}`;
    nodes.push(
      node('MatMul', [previous, `w${layer}`], [`m${layer}`], `mm${layer}`),
      node('Add', [`m${layer}`, `b${layer}`], [`a${layer}`], `add${layer}`),
      node('Relu', [`a${layer}`], [out], `relu${layer}`),
    );
    for (const [name, dims] of [
      [`w${layer}`, [width, width]],
      [`b${layer}`, [width]],
    ]) {
      const count = dims.reduce((a, b) => a * b, 1);
      const header = Buffer.concat([...dims.map((d) => int(1, d)), int(2, 1), str(8, name), key(9, 2), varint(count * 4)]);
      initializers.push([header, count]);
    }
    previous = out;
  }
  const small = Buffer.concat([
    ...nodes.map((n) => bytesField(1, n)),
    str(2, 'mlp'),
    bytesField(11, valueInfo('x', ['batch', width])),
    bytesField(12, valueInfo('y', ['batch', width])),
  ]);
  const initializerLength = ([header, count]) => header.length + count * 4;
  const graphLength =
    small.length +
    initializers.reduce((sum, init) => sum + key(5, 2).length + varint(initializerLength(init)).length + initializerLength(init), 0);
  const out = createWriteStream(file);
  const write = (chunk) => (out.write(chunk) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(Buffer.concat([int(1, 8), bytesField(8, int(2, 17)), str(2, 'vetted-bench'), key(7, 2), varint(graphLength), small]));
  let seed = 1;
  const scale = 2 / Math.sqrt(width);
  for (const init of initializers) {
    await write(Buffer.concat([key(5, 2), varint(initializerLength(init)), init[0]]));
    for (let done = 0; done < init[1]; done += width) {
      const row = new Float32Array(Math.min(width, init[1] - done));
      for (let i = 0; i < row.length; i += 1) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        row[i] = (seed / 2 ** 32 - 0.5) * scale;
      }
      await write(Buffer.from(row.buffer));
    }
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

// --- The two measurements.
async function bareLoop(model) {
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    ...(threads !== undefined && { intraOpNumThreads: threads }),
  });
  const x = Float32Array.from({ length: batch * width }, (_, i) => Math.sin(i));
  const feeds = { x: new ort.Tensor('float32', x, [batch, width]) };
  for (let run = 0; run < warmup; run += 1) await session.run(feeds);
  const samples = [];
  for (let run = 0; run < iterations; run += 1) {
    const started = performance.now();
    await session.run(feeds);
    samples.push(performance.now() - started);
  }
  await session.release();
  return summariseLatencies(samples).p50Ms;
}

async function runner(model, run) {
  const result = await run(model, { executionProvider: 'cpu', batchSize: batch, warmup, iterations, threads });
  if (result.status !== 'succeeded') throw new Error(`runner failed: ${result.error.kind}: ${result.error.message}`);
  return result.metrics.p50Ms;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-inference-'));
try {
  const model = path.join(dir, 'mlp.onnx');
  const started = performance.now();
  await writeMlp(model);
  const gflop = (2 * batch * width * width * layers) / 1e9;
  console.log(
    `model: ${layers} × ${width}×${width} fp32 (${((layers * width * width * 4) / 2 ** 20).toFixed(0)} MiB), batch ${batch}, ${gflop.toFixed(1)} GFLOP per run; written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `cpu: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}; ${warmup} warm-up + ${iterations} timed runs, ${rounds} alternating rounds, threads ${threads ?? 'default'}`,
  );
  const bare = [];
  const inProcess = [];
  for (let round = 0; round < rounds; round += 1) {
    bare.push(await bareLoop(model));
    inProcess.push(await runner(model, runBenchmarkInProcess));
    console.log(`round ${round + 1}: bare p50 ${bare.at(-1).toFixed(2)} ms, runner p50 ${inProcess.at(-1).toFixed(2)} ms`);
  }
  const baseline = median(bare);
  const measured = median(inProcess);
  // Rounds next to each other in time share the machine's load; their ratios cancel slow drifts.
  const pairRatio = median(inProcess.map((p50, i) => p50 / bare[i]));
  console.log(
    `bare session.run p50 ${baseline.toFixed(2)} ms | runner (in-process core) p50 ${measured.toFixed(2)} ms (medians over rounds)`,
  );
  console.log(
    `runner / bare: ${(measured / baseline).toFixed(3)} (ratio of medians), ${pairRatio.toFixed(3)} (median of per-round ratios)`,
  );
  if (values.child) {
    const child = await runner(model, runBenchmark);
    console.log(`runner in a child process (runBenchmark) p50 ${child.toFixed(2)} ms | ratio to bare ${(child / baseline).toFixed(3)}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
