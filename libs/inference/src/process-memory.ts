import { readFile } from 'node:fs/promises';

/** Resident memory of a process in MiB, from /proc (Linux); undefined where that cannot be read. */
export async function residentMemoryMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident memory of this process in MiB. */
export const peakResidentMemoryMb = (): number => process.resourceUsage().maxRSS / 1024;
