import type { ByteSource } from './byte-source.js';
import type { Finding, Inspection } from './finding.js';
import { scanPickle } from './pickle.js';
import { inspectPickleCheckpoint, type PickleCheckpointFacts, summarizePickle } from './torch-checkpoint.js';

const IMPORT_CODES = new Set(['pickle_dangerous_global', 'pickle_unknown_global', 'pickle_unresolved_global', 'pickle_extension_code']);
/** What `find_class` can import: `import os` read as INST imports `mport os`, which fails before anything runs. */
const DOTTED_IDENTIFIER = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * Whether a file no inspector claims by name is a pickle after all: `torch.load('ckpt.pth.tar')` and
 * `pickle.load` open any name, and protocols 0 and 1 have no magic. A walk that reaches `STOP`, or bytes that
 * start with `PROTO`, are a pickle, inspected as a checkpoint. Otherwise the bytes are ordinary text or binary
 * that the walk read a few opcodes into — unless it met an import first that was dangerous, or that a call
 * consumed: an unpickler runs what it has read before it fails. Undefined: nothing to report.
 */
export async function probePickle(source: ByteSource, path: string): Promise<Inspection<PickleCheckpointFacts> | undefined> {
  const probe = await scanPickle(source, { name: path });
  if (probe.complete || probe.startsWithProto) return inspectPickleCheckpoint(source, path);
  const calledBeforeDamage = (finding: Finding) =>
    probe.lastCallOffset !== undefined && Number(finding.evidence?.offset) <= probe.lastCallOffset;
  const importable = ({ evidence }: Finding) => {
    const { module, name } = evidence ?? {};
    if (module === undefined) return true;
    return typeof module === 'string' && typeof name === 'string' && DOTTED_IDENTIFIER.test(module) && DOTTED_IDENTIFIER.test(name);
  };
  const imports = probe.findings.filter(
    (finding) =>
      IMPORT_CODES.has(finding.code) && importable(finding) && (finding.code === 'pickle_dangerous_global' || calledBeforeDamage(finding)),
  );
  if (imports.length === 0) return undefined;
  return { facts: { container: 'pickle', pickles: [summarizePickle(path, probe)] }, findings: imports };
}
