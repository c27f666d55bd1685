import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { generateSigningKeyPem, signApproval, signingKeyFromPem, type SigningKey } from '@vetted/signing';
import { describe, expect, it } from 'vitest';
import { type BundleEntry, BundleRefused, type ExportedVersion, readBundle, type VersionRecord, writeBundle } from '@vetted/bundles';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const site = signingKeyFromPem(generateSigningKeyPem());
const stranger = signingKeyFromPem(generateSigningKeyPem());
const weights = randomBytes(300_000);
const config = Buffer.from('{"hidden_size": 4}');
const BLOBS = new Map([weights, config].map((bytes) => [sha256(bytes), bytes]));

function version(key: SigningKey, name: string, files: Record<string, Buffer>): ExportedVersion {
  const manifest = Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  const record: VersionRecord = {
    model: `acme/${name}`,
    version: '1',
    commitSha: 'a'.repeat(40),
    modelInfo: { displayName: null, description: '', task: null, library: null, tags: [] },
    license: null,
    card: null,
    facts: {},
    approvedBy: 'reviewer',
    approvedAt: new Date(0).toISOString(),
    files: manifest.map((file) => ({ ...file, format: 'other', scanStatus: 'clean', scanFindings: [], facts: {} })),
    reviews: [],
    benchmarks: [],
  };
  const signature = signApproval(key, {
    model: record.model,
    version: '1',
    commitSha: record.commitSha!,
    licenseId: null,
    reviewer: 'reviewer',
    approvedAt: record.approvedAt!,
    files: manifest,
  });
  return { model: record.model, version: '1', record, signature: JSON.stringify(signature), files: manifest };
}

const VERSIONS = [version(site, 'one', { 'model.bin': weights, 'config.json': config }), version(site, 'two', { 'w.bin': weights })];

async function bundle(key = site, versions = VERSIONS): Promise<Buffer> {
  return buffer(writeBundle(key, { versions, openBlob: (digest) => Promise.resolve(Readable.from([BLOBS.get(digest)!])) }));
}

async function read(bytes: Buffer, trust = { trusted: [site.publicKey] }) {
  const blobs = new Map<string, Buffer>();
  const result = await readBundle(Readable.from([bytes]), trust, async (entry: BundleEntry, stream) => {
    blobs.set(entry.sha256, await buffer(stream));
  });
  return { result, blobs };
}

async function refusal(bytes: Buffer, trust = { trusted: [site.publicKey] }): Promise<string> {
  const error = await read(bytes, trust).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BundleRefused);
  return (error as BundleRefused).code;
}

/** Offset of an entry's data in the tar: the 512-byte header before it names it. */
function dataOffset(tar: Buffer, name: string): number {
  for (let at = 0; at < tar.length; at += 512) {
    if (
      tar
        .subarray(at, at + 100)
        .toString('utf8')
        .replace(/\0.*$/s, '') === name
    )
      return at + 512;
  }
  throw new Error(`no ${name}`);
}

describe('bundles', () => {
  it('fails the stream with the error of a blob that cannot be read, leaving nothing unhandled to crash the process', async () => {
    const failing = () =>
      Promise.resolve(
        Readable.from(
          (function* () {
            yield weights.subarray(0, 1000);
            throw new Error('the blob store went away');
          })(),
        ),
      );
    await expect(buffer(writeBundle(site, { versions: VERSIONS, openBlob: failing }))).rejects.toThrow('the blob store went away');
  });

  it('round-trips: a signed index first, each blob once, every version verified', async () => {
    const bytes = await bundle();
    const { result, blobs } = await read(bytes);
    expect(result.trustedSigner).toBe(true);
    expect(result.versions.map((v) => v.record.model)).toEqual(['acme/one', 'acme/two']);
    expect(blobs.get(sha256(weights))).toEqual(weights);
    expect(blobs.size).toBe(2);
    expect(bytes.indexOf(weights.subarray(0, 1024))).toBe(bytes.lastIndexOf(weights.subarray(0, 1024)));
  });

  it('reads an expected but untrusted signer as untrusted, and refuses an unknown one', async () => {
    const bytes = await bundle();
    const { result } = await read(bytes, { trusted: [], expectedSigner: site.publicKey.fingerprint } as never);
    expect(result.trustedSigner).toBe(false);
    expect(await refusal(bytes, { trusted: [] })).toBe('bundle_signer_unknown');
    expect(await refusal(await bundle(stranger, [version(stranger, 'one', { 'model.bin': weights })]))).toBe('bundle_signer_unknown');
  });

  it('refuses a flipped byte in a blob', async () => {
    const bytes = await bundle();
    bytes[dataOffset(bytes, `blobs/sha256/${sha256(weights)}`) + 1000]! ^= 1;
    expect(await refusal(bytes)).toBe('bundle_entry_tampered');
  });

  it('refuses an edited version signature', async () => {
    const bytes = await bundle();
    bytes[dataOffset(bytes, 'versions/acme/one/1/model.sig') + 5]! ^= 1;
    expect(await refusal(bytes)).toBe('bundle_entry_tampered');
  });

  it('refuses a truncated bundle', async () => {
    const bytes = await bundle();
    expect(await refusal(bytes.subarray(0, bytes.length - 200_000))).toBe('bundle_truncated');
  });

  it('refuses an edited index', async () => {
    const bytes = await bundle();
    const at = dataOffset(bytes, 'index.sig.json');
    const envelope = bytes.subarray(at, at + 2000).toString('utf8');
    expect(envelope).toContain('"payload":"');
    const payloadAt = at + envelope.indexOf('"payload":"') + '"payload":"'.length + 40;
    bytes[payloadAt] = bytes[payloadAt] === 0x41 ? 0x42 : 0x41;
    expect(['bundle_signature_invalid', 'bundle_unsigned']).toContain(await refusal(bytes));
  });

  it('refuses a version whose signature is swapped for another version’s', async () => {
    const [one, two] = VERSIONS;
    expect(await refusal(await bundle(site, [{ ...one!, signature: two!.signature }]))).toBe('bundle_version_signature_invalid');
  });

  it('refuses a bundle without a signed index', async () => {
    expect(await refusal(Buffer.alloc(1024))).toBe('bundle_unsigned');
  });
});
