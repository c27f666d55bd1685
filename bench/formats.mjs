// Inspecting a large weight file reads only its header: a sparse 10 GiB safetensors file (header for
// 200 tensors, data left as a hole) is inspected through a counting byte source; the bytes read and the
// time are printed next to the file size, with `head -c <header>` of the same file as the baseline.
// Run: npm run build && node bench/formats.mjs [--gib 10]
import { execFileSync } from 'node:child_process';
import { open, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countingSource, fileSource, inspectSafetensors } from '../libs/formats/dist/index.js';
import { timed } from './helpers.mjs';

const { values } = parseArgs({ options: { gib: { type: 'string', default: '10' } } });
const size = Number(values.gib) * 1024 ** 3;

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-formats-'));
const file = path.join(dir, 'model.safetensors');
try {
  const tensors = 200;
  const header = {};
  const per = Math.floor(size / tensors / 2 / 1024) * 1024; // bf16 elements per tensor, whole KiB
  for (let i = 0; i < tensors; i++)
    header[`layers.${i}.weight`] = { dtype: 'BF16', shape: [per / 1024, 1024], data_offsets: [i * per * 2, (i + 1) * per * 2] };
  let text = JSON.stringify(header);
  text += ' '.repeat((8 - ((8 + text.length) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(text.length));
  const handle = await open(file, 'w');
  await handle.write(Buffer.concat([length, Buffer.from(text)]), 0);
  await handle.truncate(8 + text.length + tensors * per * 2);
  await handle.close();

  const source = await fileSource(file);
  const counting = countingSource(source);
  let facts;
  const seconds = await timed(async () => {
    facts = (await inspectSafetensors(counting)).facts;
  });
  await source.close();
  const baseline = await timed(async () => execFileSync('head', ['-c', String(8 + text.length), file]));
  console.log(`file ${(source.size / 1024 ** 3).toFixed(2)} GiB, ${facts.tensorCount} tensors, ${facts.parameters} parameters`);
  console.log(
    `inspect: ${(seconds * 1000).toFixed(1)} ms, read ${counting.bytesRead} bytes (${((counting.bytesRead / source.size) * 100).toExponential(2)} % of the file)`,
  );
  console.log(
    `baseline head -c ${8 + text.length}: ${(baseline * 1000).toFixed(1)} ms (process start included); ratio inspect/baseline ${(seconds / baseline).toFixed(2)}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
