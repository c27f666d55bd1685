import type { ByteSource } from './byte-source.js';
import { type FileScan, inspectFile, statusOf } from './inspect-file.js';
import { scanPickle } from './pickle.js';
import { type SniffedFormat, sniffFormat } from './sniff.js';
import { importsAnUnpicklerActsOn } from './unpickler-imports.js';

/** Magic numbers tensor bytes do not start with by chance: such a file is read as what it is. */
const CONTAINERS = new Set<SniffedFormat>(['zip', 'torch_legacy', 'safetensors', 'gguf', 'npy', 'elf', 'pe', 'macho']);

/**
 * A file ONNX models of the version read as external data (`weights.bin`, `model.onnx_data`): raw tensor bytes,
 * whatever its name suggests, judged by the models' range and size checks (`onnx-external-data.ts`) rather than
 * as a pickle — tensor data may start like one by chance. Being named by a model must not hide what a loader
 * would run, though: a file with a container's magic (a torch zip called `pytorch_model.bin`) is inspected as
 * usual, and in any other the imports an unpickler would act on (`unpickler-imports.ts`) are looked for, never
 * the damage a walk over tensor data meets.
 */
export async function inspectOnnxExternalDataFile(path: string, source: ByteSource, models: readonly string[]): Promise<FileScan> {
  const sniffed = await sniffFormat(source);
  if (CONTAINERS.has(sniffed)) return inspectFile(path, source);
  const findings = importsAnUnpicklerActsOn(await scanPickle(source, { name: path }));
  return {
    path,
    inspector: 'onnx_external_data',
    sniffed,
    status: statusOf(findings),
    facts: { externalDataOf: [...models] },
    findings,
  };
}
