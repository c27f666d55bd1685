import type { ByteSource } from './byte-source.js';
import type { Inspection } from './finding.js';
import { scanPickle } from './pickle.js';
import { type PickleCheckpointFacts, summarizePickle } from './pickle-summary.js';
import { inspectPickleCheckpoint } from './torch-checkpoint.js';
import { importsAnUnpicklerActsOn } from './unpickler-imports.js';

/**
 * Whether a file no inspector claims by name is a pickle after all: `torch.load('ckpt.pth.tar')` and
 * `pickle.load` open any name, and protocols 0 and 1 have no magic. A walk that reaches `STOP`, or bytes that
 * start with `PROTO`, are a pickle, inspected as a checkpoint. Otherwise the bytes are ordinary text or binary
 * that the walk read a few opcodes into, and only the imports an unpickler would act on count
 * (`unpickler-imports.ts`). Undefined: nothing to report.
 */
export async function probePickle(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts> | undefined> {
  const probe = await scanPickle(source, { name: path });
  if (probe.complete || probe.startsWithProto) return inspectPickleCheckpoint(source, path);
  const imports = importsAnUnpicklerActsOn(probe);
  if (imports.length === 0) return undefined;
  return { facts: { container: 'pickle', pickles: [summarizePickle(path, probe)] }, findings: imports };
}
