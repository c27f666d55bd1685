import type { NpyFacts } from './npy.js';
import type { PickleScan } from './pickle.js';

export interface PickleSummary {
  /** The archive entry (`outer/entry!inner/entry` inside a nested archive), the file path, or the role of a legacy torch pickle. */
  name: string;
  protocol: number;
  /** `module.name` of every distinct import. */
  globals: string[];
  opcodeCount: number;
}

export type PickleCheckpointFacts = {
  /** `zip`: torch.save ≥ 1.6; `legacy`: the older magic-number stream; `unsupported`: nothing could be scanned. */
  container: 'zip' | 'pickle' | 'legacy' | 'unsupported';
  pickles: PickleSummary[];
  zipEntries?: number;
  /** Archives inside the archive that were opened and scanned, as `outer/entry!inner/entry`. */
  nestedArchives?: string[];
  /** The NumPy arrays of an archive (`.npz`). */
  arrays?: (NpyFacts & { name: string })[];
};

export function summarizePickle(name: string, scan: PickleScan): PickleSummary {
  return {
    name,
    protocol: scan.protocol,
    globals: scan.globals.map((global) => `${global.module}.${global.name}`),
    opcodeCount: scan.opcodeCount,
  };
}
