import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '@vetted/storage';
import { createTestDatabase } from '../test/database.js';
import { freePort } from '../test/free-port.js';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../test/s3-server.js';
import { REPOSITORY_ROOT } from './compose-file.js';

/** Runs one of the compose file's scripts as its container does (built libraries, environment only). */
async function runScript(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(REPOSITORY_ROOT, 'docker', script)], {
      env: { PATH: process.env.PATH, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the compose file's scripts", () => {
  let s3: TestS3Server;
  let storeSettings: Record<string, string>;
  beforeAll(async () => {
    s3 = await startS3Server();
    storeSettings = {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: TEST_BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
  });
  afterAll(() => s3.dispose());

  describe('create-bucket.mjs (service s3-bucket)', () => {
    it('creates a missing bucket that then passes the start-up check, and finds it the next time', async () => {
      const env = { ...storeSettings, S3_BUCKET: 'made-by-compose' };
      const first = await runScript('create-bucket.mjs', env);
      expect(first).toMatchObject({ code: 0, stdout: `s3-bucket: created bucket "made-by-compose" at ${s3.endpoint}\n` });
      const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
      const storage = {
        kind: 's3',
        bucket: 'made-by-compose',
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials,
      } as const;
      await verifyStore(storage, 10_000);
      const again = await runScript('create-bucket.mjs', env);
      expect(again).toMatchObject({ code: 0, stdout: `s3-bucket: bucket "made-by-compose" at ${s3.endpoint} exists\n` });
    });

    it('fails with one line when the store refuses the key', async () => {
      const result = await runScript('create-bucket.mjs', { ...storeSettings, S3_ACCESS_KEY_ID: 'WRONG' });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^s3-bucket: cannot check bucket "${TEST_BUCKET}" at ${s3.endpoint}: .+\n$`));
    });

    it('has nothing to do when weights go to disk', async () => {
      expect(await runScript('create-bucket.mjs', {})).toMatchObject({
        code: 0,
        stdout: 's3-bucket: S3_BUCKET is not set: weights go to disk, no bucket needed\n',
      });
    });
  });

  describe('worker-health.mjs (the workers’ health check)', () => {
    let databaseUrl: string;
    beforeAll(async () => {
      databaseUrl = await createTestDatabase();
    });

    it('passes while the database and the store answer', async () => {
      expect(await runScript('worker-health.mjs', { ...storeSettings, DATABASE_URL: databaseUrl })).toMatchObject({ code: 0 });
    });

    it('fails, naming the database, when the database does not answer', async () => {
      const unreachable = `postgresql://vetted@127.0.0.1:${await freePort()}/vetted`;
      const result = await runScript('worker-health.mjs', { ...storeSettings, DATABASE_URL: unreachable });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^unhealthy: the database does not answer: /m);
    });

    it('fails, naming the store, when the store does not answer', async () => {
      await s3.stop();
      try {
        const result = await runScript('worker-health.mjs', { ...storeSettings, DATABASE_URL: databaseUrl });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^unhealthy: weight storage does not answer: /m);
      } finally {
        await s3.restart();
      }
    });
  });
});
