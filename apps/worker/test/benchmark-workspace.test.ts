import { mkdir, mkdtemp, readdir, rm, symlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleWorkspaces, workspacesPath } from '../src/benchmarks/benchmark-workspace.js';

const HOUR_MS = 3_600_000;

async function makeOld(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const yesterday = new Date(Date.now() - 24 * HOUR_MS);
  await utimes(folder, yesterday, yesterday);
}

describe('the clean-up of benchmark workspaces left by a killed worker', () => {
  const realTmp = process.env.TMPDIR;
  let tmp: string;

  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'workspace-sweep-'));
    process.env.TMPDIR = tmp; // the workspaces' folder follows the system's temporary folder
  });
  afterEach(async () => {
    if (realTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = realTmp;
    await rm(tmp, { recursive: true, force: true });
  });

  it('removes old workspaces and touches nothing else in the temporary folder', async () => {
    expect(workspacesPath().startsWith(tmp + path.sep)).toBe(true);
    // Another program's old folder, named as workspaces once were: it must survive.
    await makeOld(path.join(tmp, 'vetted-bench-soak-abc', 'pg'));
    await makeOld(path.join(tmp, 'vetted-bench-soak-abc'));
    await mkdir(workspacesPath(), { mode: 0o700 });
    await makeOld(path.join(workspacesPath(), 'run-old'));
    await mkdir(path.join(workspacesPath(), 'run-current'));

    await removeStaleWorkspaces(HOUR_MS);

    expect(await readdir(workspacesPath())).toEqual(['run-current']);
    expect(await readdir(path.join(tmp, 'vetted-bench-soak-abc'))).toEqual(['pg']);
  });

  it('refuses a workspaces folder that is a link to somewhere else', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await makeOld(path.join(elsewhere, 'precious'));
    await symlink(elsewhere, workspacesPath());

    await expect(removeStaleWorkspaces(HOUR_MS)).rejects.toThrow(/is not a private folder of this user/);
    expect(await readdir(elsewhere)).toEqual(['precious']);
  });
});
