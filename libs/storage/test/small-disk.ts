import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  unmount(): Promise<void>;
}

/**
 * A real filesystem of `bytes` (tmpfs) on a fresh folder: writing past it fails with ENOSPC, as on a
 * full disk. Mounting needs root (CAP_SYS_ADMIN), which this project's machines and CI have: where it is
 * refused the test fails saying so, rather than passing without having run.
 */
export async function mountSmallDisk(bytes: number): Promise<SmallDisk> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vetted-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`the full-disk tests mount a ${bytes}-byte tmpfs and need root (CAP_SYS_ADMIN): ${String(error)}`);
  }
  return {
    dir,
    unmount: async () => {
      await run('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
