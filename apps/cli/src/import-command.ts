import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { call, type RegistryClient } from './registry-client.js';

/** `vetted import bundle.tar [--signer <fingerprint>]`: streams the bundle to the registry, which verifies and lands it. */
export async function importBundle(
  client: RegistryClient,
  file: string,
  signer: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const { size } = await stat(file);
  const query = signer ? `?signer=${encodeURIComponent(signer)}` : '';
  const response = await call(client, `/v1/imports/bundle${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(file)) as RequestInit['body'],
    duplex: 'half',
  });
  const result = (await response.json()) as {
    signer: string;
    trusted: boolean;
    versions: { model: string; version: string; outcome: string }[];
  };
  log(`bundle signed by ${result.signer} (${result.trusted ? 'trusted' : 'not trusted: versions wait for review'})`);
  for (const version of result.versions) log(`${version.model}@${version.version}: ${version.outcome}`);
}
