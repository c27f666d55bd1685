import { describe, expect, it } from 'vitest';
import { buildOnnxModel, mlpModel } from '../../../test/onnx-model.js';
import { bufferSource } from '../src/byte-source.js';
import { FormatError } from '../src/finding.js';
import { seededRandom } from './test-helpers.js';
import { checkOnnxExternalData } from '../src/onnx-external-data.js';
import { inspectOnnx } from '../src/onnx.js';
import { inspectPickleCheckpoint } from '../src/torch-checkpoint.js';
import { builtinsExecProtocol0, legacyTorchFile, osSystemPickle, osSystemViaStackGlobalBinput, stateDictPickle } from './torch-pickles.js';
import { torchZip, writeZip } from './zip-writer.js';

const ITERATIONS_PER_SEED = 150;
const CALL_TIMEOUT_MS = 2_000;

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x2e, 0x28, 0x93, 0x94, 0x8e, 0x0a];

function mutate(input: Buffer, next: () => number): Buffer {
  const bytes = Buffer.from(input);
  const at = () => Math.floor(next() * bytes.length);
  const rounds = 1 + Math.floor(next() * 4);
  let result = bytes;
  for (let round = 0; round < rounds && result.length > 0; round += 1) {
    const position = at() % result.length;
    switch (Math.floor(next() * 6)) {
      case 0:
        result[position] = Math.floor(next() * 256);
        break;
      case 1:
        result[position] = INTERESTING[Math.floor(next() * INTERESTING.length)]!;
        break;
      case 2: // a length or count blown up
        result.fill(0xff, position, Math.min(result.length, position + 1 + Math.floor(next() * 8)));
        break;
      case 3:
        result = result.subarray(0, position);
        break;
      case 4: {
        const insert = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 8) }, () => Math.floor(next() * 256)));
        result = Buffer.concat([result.subarray(0, position), insert, result.subarray(position)]);
        break;
      }
      default: {
        const end = Math.min(result.length, position + 1 + Math.floor(next() * 32));
        result = Buffer.concat([result.subarray(0, end), result.subarray(position, end), result.subarray(end)]);
      }
    }
  }
  return result;
}

/** Resolves with the call's outcome, or fails the test if it hangs or throws anything but a FormatError. */
async function settle<T>(call: () => Promise<T>): Promise<T | FormatError> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      call().catch((error: unknown) => {
        if (error instanceof FormatError) return error;
        throw error;
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const checkpoints: [string, Buffer][] = [
  ['state_dict protocol 2', stateDictPickle(2)],
  ['state_dict protocol 4', stateDictPickle(4)],
  ['STACK_GLOBAL attack', osSystemViaStackGlobalBinput()],
  ['protocol 0 attack', builtinsExecProtocol0()],
  ['legacy torch file', legacyTorchFile(stateDictPickle(2))],
  ['torch zip, stored', torchZip(stateDictPickle(4))],
  ['torch zip, deflated attack', torchZip(osSystemPickle(), { method: 'deflated' })],
  [
    'ZIP64 zip',
    writeZip([{ name: 'a/data.pkl', data: stateDictPickle(2), zip64Sizes: { uncompressed: 174n, compressed: 174n } }], {
      zip64EntryCount: 1n,
    }),
  ],
];

const onnxModels: [string, Buffer][] = [
  ['MLP', mlpModel(4, 2)],
  [
    'custom domain and external data',
    buildOnnxModel({
      inputs: [{ name: 'ids', type: 'int64', shape: ['batch', 3] }],
      outputs: [{ name: 'y', type: 'float', shape: ['batch', 3] }],
      nodes: [{ op: 'Secret', inputs: ['ids', 'w'], outputs: ['y'], domain: 'com.example.ops' }],
      opsets: [{ domain: 'com.example.ops', version: 1 }],
      initializers: [{ name: 'w', dims: [3, 3], external: { location: 'w.bin', offset: '0', length: '36' } }],
    }),
  ],
];

describe('fuzzing the pickle and ONNX inspectors', () => {
  it.each(checkpoints)('inspectPickleCheckpoint answers for every mutation of a %s', async (_, original) => {
    const next = seededRandom(original.length);
    for (let iteration = 0; iteration < ITERATIONS_PER_SEED; iteration += 1) {
      const outcome = await settle(() => inspectPickleCheckpoint(bufferSource(mutate(original, next)), 'fuzz.pt'));
      if (outcome instanceof FormatError) continue;
      expect(outcome.findings.length).toBeLessThan(2_000);
      for (const finding of outcome.findings) expect(['info', 'warning', 'critical']).toContain(finding.severity);
    }
  });

  it.each(onnxModels)('inspectOnnx answers for every mutation of a %s model', async (_, original) => {
    const next = seededRandom(original.length);
    const files = new Map([
      ['model.onnx', original.length],
      ['w.bin', 36],
    ]);
    for (let iteration = 0; iteration < ITERATIONS_PER_SEED * 2; iteration += 1) {
      const outcome = await settle(() => inspectOnnx(bufferSource(mutate(original, next))));
      if (outcome instanceof FormatError) continue;
      const { facts } = outcome;
      expect(facts.parameters === null || Number.isSafeInteger(facts.parameters)).toBe(true);
      checkOnnxExternalData({ modelPath: 'model.onnx', references: facts.externalData, customDomains: facts.customDomains, files });
    }
  });
});
