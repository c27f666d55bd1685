import { bufferSource, type ByteSource } from './byte-source.js';
import { criticalFinding, type Finding, type Inspection } from './finding.js';
import { NPY_HEAD_BYTES, npyFindings, type NpyHeader, parseNpyHeader } from './npy.js';
import { type PickleScan, scanPickle } from './pickle.js';
import { type PickleCheckpointFacts, summarizePickle } from './pickle-summary.js';
import { importsAnUnpicklerActsOn } from './unpickler-imports.js';
import { DEFAULT_ZIP_LIMITS, METHOD_STORED, openZipEntry, readZipDirectory, readZipEntryHead, type ZipEntry } from './zip-archive.js';

/** Budgets for one file, its nested archives included, so that no archive can make a scan endless. */
const MAX_OPCODES = 20_000_000;
const MAX_ENTRIES = DEFAULT_ZIP_LIMITS.maxEntries;
const MAX_INFLATED_TOTAL_BYTES = 256 * 1024 * 1024;
const MAX_NESTED_ARCHIVES = 16;
/** Archives inside the file's archive are opened this many levels deep (`file!a.zip!b.zip`), no deeper. */
const MAX_ARCHIVE_DEPTH = 2;

const MAX_INFLATED_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_PICKLES_PER_ARCHIVE = 64;
/** Pickles walked one after another in one entry (a legacy torch stream holds five). */
const MAX_PICKLES_PER_ENTRY = 16;
/** What is read of every entry to tell a pickle, an array or an archive from tensor data. */
const PROBE_BYTES = 4 * 1024;
const NPY_MAGIC = Buffer.from('\x93NUMPY', 'latin1');
const ZIP_MAGICS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * A zip as `torch.load`, `np.load` and anything that unpickles an archive's entries could read it: every `*.pkl`
 * entry (torch finds records case-insensitively, so `DATA.PKL` counts) walked as a pickle, whatever the archive
 * folder is called; the arrays of an `.npz` (entries named `.npy`, or, in an archive without pickles, any entry
 * with the NPY magic); every other entry probed as a pickle; and archives inside the archive opened in turn, two
 * levels deep, their entries named `outer/entry!inner/entry`.
 *
 * Tensor storages are raw bytes that may start like a pickle by chance, so a probed entry is reported as a pickle
 * only where it walks to `STOP`; otherwise only the imports an unpickler would act on count
 * (`unpickler-imports.ts`), never the damage. Entries, inflated bytes, opcodes and nested archives share one
 * budget per file; going past it, nesting deeper, or an entry that cannot be read is critical: an archive nobody
 * scanned is not clean.
 */
export async function inspectZipCheckpoint(source: ByteSource): Promise<Inspection<PickleCheckpointFacts>> {
  const walker = new ArchiveWalker();
  await walker.archive(source, '', 0);
  return { facts: walker.facts, findings: walker.findings };
}

class ArchiveWalker {
  readonly facts: PickleCheckpointFacts = { container: 'zip', pickles: [] };
  readonly findings: Finding[] = [];
  private entriesLeft = MAX_ENTRIES;
  private nestedLeft = MAX_NESTED_ARCHIVES;
  private inflateLeft = MAX_INFLATED_TOTAL_BYTES;
  private opcodesLeft = MAX_OPCODES;

  /** `prefix` names the archive in entry names: `''` for the file, `outer/entry!` for an archive inside it. */
  async archive(source: ByteSource, prefix: string, depth: number): Promise<void> {
    let entries: ZipEntry[];
    try {
      const directory = await readZipDirectory(source, { ...DEFAULT_ZIP_LIMITS, maxEntries: this.entriesLeft });
      entries = directory.entries;
      this.findings.push(...directory.findings.map((finding) => within(prefix, finding)));
    } catch (error) {
      this.findings.push(within(prefix, criticalFinding(error)));
      return;
    }
    this.entriesLeft -= entries.length;
    if (depth === 0) this.facts.zipEntries = entries.length;
    const files = entries.filter((entry) => !entry.name.endsWith('/'));
    const pickles = files.filter((entry) => entry.name.toLowerCase().endsWith('.pkl'));
    this.noteCode(files, prefix);
    if (pickles.length > MAX_PICKLES_PER_ARCHIVE) {
      this.findings.push(
        within(prefix, {
          severity: 'critical',
          code: 'pickle_limit_exceeded',
          message: `The archive holds ${pickles.length} pickles; only the first ${MAX_PICKLES_PER_ARCHIVE} were scanned`,
        }),
      );
    }
    for (const entry of pickles.slice(0, MAX_PICKLES_PER_ARCHIVE)) await this.pickle(source, entry, prefix + entry.name, 0);
    const found = { arrays: 0, pickles: pickles.length };
    for (const entry of files.filter((file) => !pickles.includes(file))) {
      const name = prefix + entry.name;
      let head: Buffer;
      try {
        head = await readZipEntryHead(source, entry, PROBE_BYTES);
      } catch (error) {
        this.findings.push(entryFinding(name, error));
        continue;
      }
      if (ZIP_MAGICS.some((magic) => startsWith(head, magic))) {
        await this.nested(source, entry, name, depth);
      } else if (entry.name.toLowerCase().endsWith('.npy') || (pickles.length === 0 && startsWith(head, NPY_MAGIC))) {
        found.arrays += 1;
        await this.array(source, entry, name);
      } else if (await this.probe(source, entry, name, head)) {
        found.pickles += 1;
      }
    }
    if (depth === 0 && found.pickles === 0 && found.arrays === 0) {
      this.findings.push({
        severity: 'warning',
        code: 'zip_no_pickle',
        message: 'The archive holds no pickle and no NumPy array: neither torch.load nor np.load can read it',
      });
    }
  }

  /** TorchScript archives carry Python source that `torch.jit.load` compiles and runs. */
  private noteCode(files: readonly ZipEntry[], prefix: string): void {
    const code = files.filter((entry) => entry.name.endsWith('.py')).map((entry) => prefix + entry.name);
    if (code.length === 0) return;
    this.findings.push({
      severity: 'warning',
      code: 'zip_contains_code',
      message: `The archive holds ${code.length} Python source files (TorchScript code runs when the model is loaded with torch.jit.load)`,
      evidence: { names: code.slice(0, 20) },
    });
  }

  private async nested(source: ByteSource, entry: ZipEntry, name: string, depth: number): Promise<void> {
    if (depth >= MAX_ARCHIVE_DEPTH || this.nestedLeft <= 0) {
      const tooDeep = depth >= MAX_ARCHIVE_DEPTH;
      this.findings.push({
        severity: 'critical',
        code: tooDeep ? 'archive_too_deep' : 'archive_limit_exceeded',
        message: tooDeep
          ? `${name} is an archive nested deeper than ${MAX_ARCHIVE_DEPTH} levels: it was not opened`
          : `${name} is one archive too many: only ${MAX_NESTED_ARCHIVES} nested archives are opened per file`,
        evidence: { entry: name },
      });
      return;
    }
    this.nestedLeft -= 1;
    const inner = await this.open(source, entry, name);
    if (!inner) return;
    (this.facts.nestedArchives ??= []).push(name);
    await this.archive(inner, `${name}!`, depth + 1);
  }

  /** A NumPy array: its header, and the pickle `np.load` unpickles after it for an object dtype. */
  private async array(source: ByteSource, entry: ZipEntry, name: string): Promise<void> {
    let header: NpyHeader;
    try {
      header = parseNpyHeader(await readZipEntryHead(source, entry, NPY_HEAD_BYTES));
    } catch (error) {
      this.findings.push(entryFinding(name, error));
      return;
    }
    (this.facts.arrays ??= []).push({ name, ...header.facts });
    this.findings.push(...npyFindings(header, entry.uncompressedSize, name));
    if (header.objectDtype) await this.pickle(source, entry, name, header.dataOffset);
  }

  /** An entry known to be a pickle: everything its walk finds counts, damage included. */
  private async pickle(source: ByteSource, entry: ZipEntry, name: string, start: number): Promise<void> {
    const data = await this.open(source, entry, name);
    if (!data) return;
    const scan = await this.walk(data, name, start);
    this.facts.pickles.push(summarizePickle(name, scan));
    this.findings.push(...scan.findings);
  }

  /**
   * Any other entry, walked from its first bytes as an unpickler would read it, one pickle after another; the
   * rest of it is read only when a walk runs past those bytes. True when it holds a pickle.
   */
  private async probe(source: ByteSource, entry: ZipEntry, name: string, head: Buffer): Promise<boolean> {
    let data = bufferSource(head);
    let whole = head.length >= entry.uncompressedSize;
    let start = 0;
    for (let count = 0; count < MAX_PICKLES_PER_ENTRY; count += 1) {
      const pickleName = count === 0 ? name : `${name}#${count}`;
      let scan = await this.walk(data, pickleName, start);
      if (!whole && !scan.complete && scan.findings.some((finding) => finding.code === 'pickle_truncated')) {
        const opened = await this.open(source, entry, name);
        if (!opened) return false;
        [data, whole] = [opened, true];
        scan = await this.walk(data, pickleName, start);
      }
      if (!scan.complete) {
        // Running out of budget is no verdict on the bytes: what was not walked is not clean.
        const reported = [
          ...importsAnUnpicklerActsOn(scan),
          ...scan.findings.filter((finding) => finding.code === 'pickle_limit_exceeded'),
        ];
        if (reported.length > 0) this.keep(pickleName, scan, reported);
        return count > 0;
      }
      if (scan.globals.length > 0 || scan.findings.length > 0) this.keep(pickleName, scan, scan.findings);
      start = scan.end;
      if (whole && start >= data.size) return true;
    }
    this.findings.push({
      severity: 'critical',
      code: 'pickle_limit_exceeded',
      message: `More than ${MAX_PICKLES_PER_ENTRY} pickles follow one another in ${name}; the rest were not scanned`,
      evidence: { entry: name },
    });
    return true;
  }

  private keep(name: string, scan: PickleScan, findings: readonly Finding[]): void {
    this.facts.pickles.push(summarizePickle(name, scan));
    this.findings.push(...findings);
  }

  private async walk(data: ByteSource, name: string, start: number): Promise<PickleScan> {
    const scan = await scanPickle(data, { name, start, limits: { maxOpcodes: Math.max(1, this.opcodesLeft) } });
    this.opcodesLeft -= scan.opcodeCount;
    return scan;
  }

  /** The entry's bytes: a window on the archive when stored, inflated into memory (within budget) when deflated. */
  private async open(source: ByteSource, entry: ZipEntry, name: string): Promise<ByteSource | undefined> {
    try {
      const data = await openZipEntry(source, entry, Math.min(MAX_INFLATED_ENTRY_BYTES, this.inflateLeft));
      if (entry.method !== METHOD_STORED) this.inflateLeft -= data.size;
      return data;
    } catch (error) {
      this.findings.push(entryFinding(name, error));
      return undefined;
    }
  }
}

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

/** A finding about the archive inside an archive, named as such. */
function within(prefix: string, finding: Finding): Finding {
  if (prefix === '') return finding;
  const archive = prefix.slice(0, -1);
  return { ...finding, message: `${archive}: ${finding.message}`, evidence: { archive, ...finding.evidence } };
}

/** An entry that could not be read, under its full name. */
function entryFinding(name: string, error: unknown): Finding {
  const finding = criticalFinding(error);
  return { ...finding, evidence: { ...finding.evidence, entry: name } };
}
