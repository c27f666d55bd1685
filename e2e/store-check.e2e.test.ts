import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port.js';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../test/s3-server.js';
import { VettedProcess } from './vetted-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const STACK_FRAME = /\n\s+at /;

/** Runs a built entry point as its container does and waits for it to exit. */
function runToExit(main: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(root, main)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

describe('processes refuse to start on S3 settings that cannot work', () => {
  let s3: TestS3Server;
  let dataDir: string;
  let settings: Record<string, string>;
  beforeAll(async () => {
    s3 = await startS3Server();
    dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-store-check-'));
    settings = {
      // Never reached: the store is checked before the database is touched.
      DATABASE_URL: `postgresql://vetted@127.0.0.1:${await freePort()}/vetted`,
      VETTED_DATA_DIR: path.join(dataDir, 'never'),
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: TEST_BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
  });
  afterAll(async () => {
    await s3.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the API names S3_BUCKET when the bucket is missing', async () => {
    const { code, output } = await runToExit('apps/api/dist/main.js', { ...settings, S3_BUCKET: 'missing-bucket' });
    expect(code).toBe(1);
    expect(output).toContain(`Invalid configuration: S3_BUCKET: bucket "missing-bucket" does not exist at ${s3.endpoint}\n`);
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('a worker names S3_ACCESS_KEY_ID when the store does not know the key', async () => {
    const { code, output } = await runToExit('apps/worker/dist/main.js', { ...settings, S3_ACCESS_KEY_ID: 'WRONG' });
    expect(code).toBe(1);
    expect(output).toContain(`Invalid configuration: S3_ACCESS_KEY_ID: ${s3.endpoint} does not know access key "WRONG"\n`);
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('`vetted start` names S3_ENDPOINT when nothing answers there, before starting anything', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const { DATABASE_URL: _external, ...embedded } = settings;
    const vetted = VettedProcess.run('start', { ...embedded, S3_ENDPOINT: endpoint });
    expect(await vetted.exit()).toBe(1);
    expect(vetted.log).toContain(`[vetted] Invalid configuration: S3_ENDPOINT: ${endpoint} cannot be reached (ECONNREFUSED)\n`);
    expect(vetted.log).not.toMatch(STACK_FRAME);
    await expect(stat(settings.VETTED_DATA_DIR!)).rejects.toThrow();
  });
});
