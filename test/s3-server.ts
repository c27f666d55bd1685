import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

export const TEST_BUCKET = 'vetted-test';

export interface TestS3Server {
  endpoint: string;
  /** Stop serving (the data stays), to test outages. */
  stop(): Promise<void>;
  /** Serve again on the same port and data after `stop`. */
  restart(): Promise<void>;
  /** Stop and delete the data. */
  dispose(): Promise<void>;
}

/** A real S3 protocol server (s3rver) on loopback, with one empty bucket. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'vetted-s3-'));
  const port = await freePort();
  const make = () =>
    new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET, configs: [] }] });
  let server: S3rver | undefined = make();
  await server.run();
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop,
    restart: async () => {
      server = make();
      await server.run();
    },
    dispose: async () => {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
