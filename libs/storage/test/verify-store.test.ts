import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '@vetted/config';
import { StoreSettingsError, verifyStore } from '@vetted/storage';
import { freePort } from '../../../test/free-port.js';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';

const TIMEOUT_MS = 10_000;

function s3Storage(endpoint: string, changes: Partial<Extract<StorageConfig, { kind: 's3' }>> = {}): StorageConfig {
  return {
    kind: 's3',
    bucket: TEST_BUCKET,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...changes,
  };
}

/** The error a failed check throws: its one-line message. */
async function failureOf(check: Promise<void>): Promise<string> {
  const error = await check.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreSettingsError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

/** A loopback server that takes `handle` for each connection or request. */
async function listening(server: net.Server): Promise<{ endpoint: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the start-up check of the S3 settings', () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3.dispose());

  it('passes for settings that work and leaves no object behind', async () => {
    await verifyStore(s3Storage(s3.endpoint), TIMEOUT_MS);
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listing = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET }));
    client.destroy();
    expect(listing.Contents ?? []).toEqual([]);
  });

  it('names S3_BUCKET when the bucket does not exist', async () => {
    const message = await failureOf(verifyStore(s3Storage(s3.endpoint, { bucket: 'no-such-bucket' }), TIMEOUT_MS));
    expect(message).toBe(`Invalid configuration: S3_BUCKET: bucket "no-such-bucket" does not exist at ${s3.endpoint}`);
  });

  it('names S3_ACCESS_KEY_ID when the store does not know the key', async () => {
    const credentials = { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' };
    const message = await failureOf(verifyStore(s3Storage(s3.endpoint, { credentials }), TIMEOUT_MS));
    expect(message).toBe(`Invalid configuration: S3_ACCESS_KEY_ID: ${s3.endpoint} does not know access key "NOT-A-KEY"`);
  });

  it('names S3_ENDPOINT when nothing listens there', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const message = await failureOf(verifyStore(s3Storage(endpoint), TIMEOUT_MS));
    expect(message).toBe(`Invalid configuration: S3_ENDPOINT: ${endpoint} cannot be reached (ECONNREFUSED)`);
  });

  it('gives up on an endpoint that accepts connections but never answers, within the configured time', async () => {
    const silent = await listening(net.createServer(() => undefined));
    try {
      const message = await failureOf(verifyStore(s3Storage(silent.endpoint), 1000));
      expect(message).toBe(`Invalid configuration: S3_ENDPOINT: ${silent.endpoint} did not answer within 1 s (S3_CHECK_TIMEOUT_SECONDS)`);
    } finally {
      await silent.close();
    }
  });

  // s3rver does not verify v4 signatures: this loopback server answers a wrong secret as S3 does.
  it('names S3_SECRET_ACCESS_KEY when the store refuses the signature', async () => {
    const refusing = await listening(
      http.createServer((request, response) => {
        request.resume();
        response.writeHead(403, { 'content-type': 'application/xml' });
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>' +
            '<Message>The request signature we calculated does not match the signature you provided.</Message></Error>',
        );
      }),
    );
    try {
      const message = await failureOf(verifyStore(s3Storage(refusing.endpoint), TIMEOUT_MS));
      expect(message).toBe(
        `Invalid configuration: S3_SECRET_ACCESS_KEY: ${refusing.endpoint} refused the signature: the secret does not belong to access key "S3RVER"`,
      );
    } finally {
      await refusing.close();
    }
  });

  it('has nothing to check for a disk store', async () => {
    await expect(verifyStore({ kind: 'disk', root: '/nonexistent/blobs' }, TIMEOUT_MS)).resolves.toBeUndefined();
  });
});
