import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkFilePath } from '@vetted/domain';
import type { BlobStore } from '@vetted/storage';

/**
 * Every run's folder is made in this one, and the clean-up below looks nowhere else: sweeping the system's
 * temporary folder by a name prefix once deleted other programs' folders that happened to share it.
 */
export const workspacesPath = (): string => path.join(tmpdir(), `vetted-benchmark-workspaces-${process.getuid?.() ?? 'user'}`);

/** The folder of all workspaces, made if missing; refused unless it is this user's own private folder (not a link). */
async function workspacesFolder(): Promise<string> {
  const root = workspacesPath();
  await mkdir(root, { recursive: true, mode: 0o700 });
  const folder = await lstat(root);
  if (!folder.isDirectory() || folder.uid !== (process.getuid?.() ?? folder.uid) || (folder.mode & 0o077) !== 0) {
    throw new Error(`${root} is not a private folder of this user: remove it, or set TMPDIR elsewhere`);
  }
  return root;
}

/** Workspaces older than `olderThanMs` (no run lasts that long) were left by a worker that was killed. */
export async function removeStaleWorkspaces(olderThanMs: number): Promise<void> {
  const root = await workspacesFolder();
  for (const name of await readdir(root)) {
    const folder = path.join(root, name);
    if (Date.now() - (await stat(folder)).mtimeMs > olderThanMs) await rm(folder, { recursive: true, force: true });
  }
}

export interface WorkspaceFile {
  /** Path inside the version, already checked by the path rules and the scan. */
  path: string;
  storageKey: string;
}

/**
 * A private temporary folder holding the files one run needs (the ONNX file, its external data,
 * config files) at their paths inside the version, so the runtime resolves external data as it would
 * in a checkout; removed afterwards whatever happened.
 */
export class BenchmarkWorkspace {
  private readonly paths = new Set<string>();

  private constructor(readonly dir: string) {}

  static async create(store: BlobStore, files: WorkspaceFile[]): Promise<BenchmarkWorkspace> {
    const workspace = new BenchmarkWorkspace(await mkdtemp(path.join(await workspacesFolder(), 'run-')));
    try {
      for (const file of files) {
        const target = workspace.pathOf(file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await pipeline(await store.read(file.storageKey), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
        workspace.paths.add(file.path);
      }
      return workspace;
    } catch (error) {
      await workspace.remove();
      throw error;
    }
  }

  has(filePath: string): boolean {
    return this.paths.has(filePath);
  }

  hasUnder(folder: string): boolean {
    return [...this.paths].some((filePath) => filePath.startsWith(folder));
  }

  /** Defence in depth: the scan already refused paths that leave the version, this refuses them again. */
  pathOf(filePath: string): string {
    const target = path.resolve(this.dir, filePath);
    if (!checkFilePath(filePath).ok || !target.startsWith(this.dir + path.sep))
      throw new Error(`Refusing to place "${filePath}" in a benchmark workspace`);
    return target;
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
