import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefusingImports } from '../../../test/node-refusing-imports.js';

// The built library, as the API and worker load it (npm test builds first).
const STORAGE = pathToFileURL(path.resolve(import.meta.dirname, '../dist/index.js')).href;

describe('loading the AWS SDK (bench/startup.mjs)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-sdk-loading-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a disk store is created, checked and used without loading the AWS SDK', async () => {
    const { code, output } = await runRefusingImports(
      ['@aws-sdk/'],
      `const { Readable } = await import('node:stream');
const storage = await import(${JSON.stringify(STORAGE)});
const disk = { kind: 'disk', root: ${JSON.stringify(dir)} };
await storage.verifyStore(disk, 1000);
const store = storage.createBlobStore(disk);
const { key } = await store.write(Readable.from([Buffer.from('weights')]), { maxBytes: 100 });
console.log('stored', await store.size(key), 'bytes');`,
    );
    expect(output).toContain('stored 7 bytes');
    expect(code).toBe(0);
  });

  it('an S3 store loads it (the control: the refusal above would have caught an import)', async () => {
    const { code, output } = await runRefusingImports(
      ['@aws-sdk/'],
      `const storage = await import(${JSON.stringify(STORAGE)});
const store = storage.createBlobStore({ kind: 's3', bucket: 'b', region: 'us-east-1', forcePathStyle: true });
await store.probe();`,
    );
    expect(output).toContain('refused import: @aws-sdk/client-s3');
    expect(code).not.toBe(0);
  });
});
