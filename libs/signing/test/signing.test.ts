import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type ApprovalManifest,
  checkModelSignature,
  loadSigningKey,
  publicKeyFromPem,
  signApproval,
  signingKeyFromPem,
  signStatusChange,
} from '@vetted/signing';
import { describe, expect, it } from 'vitest';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const files = [
  { path: 'weights/model.safetensors', size: 5, sha256: sha('hello') },
  { path: 'config.json', size: 2, sha256: sha('{}') },
];
const manifest: ApprovalManifest = {
  model: 'acme/tiny',
  version: '1.0.0',
  commitSha: 'a'.repeat(40),
  licenseId: 'apache-2.0',
  reviewer: 'key:reviewer',
  approvedAt: '2026-12-05T15:00:00.000Z',
  files,
};

function pemOf(type: 'ec' | 'ed25519'): string {
  const { privateKey } = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
type Statement = any;

/** DSSE verification written from the specification, sharing no code with the library. */
function independentlyVerified(bundle: unknown, publicKeyPem: string): { verified: boolean; statement: Statement } {
  const envelope = (bundle as { dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] } }).dsseEnvelope;
  const payload = Buffer.from(envelope.payload, 'base64');
  const pae = Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(envelope.payloadType)} ${envelope.payloadType} ${payload.length} `),
    payload,
  ]);
  const key = createPublicKey(publicKeyPem);
  const algorithm = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
  return {
    verified: verify(algorithm, pae, key, Buffer.from(envelope.signatures[0]!.sig, 'base64')),
    statement: JSON.parse(payload.toString()),
  };
}

describe('signing', () => {
  it.each(['ec', 'ed25519'] as const)('signs an approval that an independent DSSE verifier accepts (%s)', (type) => {
    const key = signingKeyFromPem(pemOf(type));
    const bundle = JSON.parse(JSON.stringify(signApproval(key, manifest)));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.publicKey.hint).toBe(sha(key.publicKey.pem));
    const { verified, statement } = independentlyVerified(bundle, key.publicKey.pem);
    expect(verified).toBe(true);
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(statement.predicate.resources).toEqual([
      { name: 'config.json', algorithm: 'sha256', digest: sha('{}'), size: 2 },
      { name: 'weights/model.safetensors', algorithm: 'sha256', digest: sha('hello'), size: 5 },
    ]);
    const root = createHash('sha256')
      .update(Buffer.from(sha('{}'), 'hex'))
      .update(Buffer.from(sha('hello'), 'hex'))
      .digest('hex');
    expect(statement.subject).toEqual([{ name: 'acme/tiny', digest: { sha256: root } }]);
    expect(statement.predicate.vetted).toMatchObject({ commitSha: manifest.commitSha, version: '1.0.0', reviewer: 'key:reviewer' });
  });

  it('fingerprints the key as the sha256 of its SPKI DER', () => {
    const key = signingKeyFromPem(pemOf('ec'));
    const der = createPublicKey(key.publicKey.pem).export({ type: 'spki', format: 'der' });
    expect(key.publicKey.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('refuses keys of other kinds', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/ECDSA/);
  });

  it('signs a status change over the same subject', () => {
    const key = signingKeyFromPem(pemOf('ec'));
    const approval = independentlyVerified(signApproval(key, manifest), key.publicKey.pem).statement;
    const status = independentlyVerified(
      signStatusChange(key, { ...manifest, status: 'revoked', reason: 'leaked data', actor: 'key:admin', changedAt: manifest.approvedAt }),
      key.publicKey.pem,
    );
    expect(status.verified).toBe(true);
    expect(status.statement.subject).toEqual(approval.subject);
    expect(status.statement.predicate).toMatchObject({ status: 'revoked', reason: 'leaked data', commitSha: manifest.commitSha });
  });

  it('generates the key once, 0600, and reuses it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-signing-'));
    const first = await loadSigningKey({ pem: undefined, dataDir });
    const second = await loadSigningKey({ pem: undefined, dataDir });
    expect(second.publicKey.fingerprint).toBe(first.publicKey.fingerprint);
    expect((await stat(path.join(dataDir, 'signing-key.pem'))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(dataDir, 'signing-key.pem'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('prefers the configured key over the file', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-signing-'));
    const pem = pemOf('ed25519');
    const key = await loadSigningKey({ pem, dataDir });
    expect(key.publicKey.fingerprint).toBe(signingKeyFromPem(pem).publicKey.fingerprint);
    await expect(stat(path.join(dataDir, 'signing-key.pem'))).rejects.toThrow();
  });
});

describe('checking a carried model.sig', () => {
  const key = signingKeyFromPem(pemOf('ec'));
  const trusted = [{ name: 'site', publicKey: key.publicKey }];
  const stored = [...files, { path: 'model.sig', sha256: sha('sig') }];
  const signature = () => Buffer.from(JSON.stringify(signApproval(key, manifest)));

  it('accepts a signature by a trusted key over exactly these files', () => {
    const verdict = checkModelSignature(signature(), stored, trusted);
    expect(verdict).toMatchObject({ outcome: 'valid', signer: { name: 'site' }, model: 'acme/tiny' });
  });

  it('calls a flipped digest invalid', () => {
    const flipped = stored.map((file) => (file.path === 'config.json' ? { ...file, sha256: sha('{ }') } : file));
    expect(checkModelSignature(signature(), flipped, trusted)).toMatchObject({
      outcome: 'invalid',
      reason: /config.json has another digest/,
    });
  });

  it('calls a missing or extra file invalid', () => {
    expect(checkModelSignature(signature(), stored.slice(1), trusted)).toMatchObject({ outcome: 'invalid', reason: /signed but missing/ });
    const extra = [...stored, { path: 'extra.bin', sha256: sha('x') }];
    expect(checkModelSignature(signature(), extra, trusted)).toMatchObject({
      outcome: 'invalid',
      reason: /extra.bin is not in the signature/,
    });
  });

  it('calls a tampered signature or payload invalid', () => {
    const bundle = JSON.parse(signature().toString());
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
    sig[sig.length - 1]! ^= 1;
    bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    expect(checkModelSignature(Buffer.from(JSON.stringify(bundle)), stored, trusted)).toMatchObject({ outcome: 'invalid' });
    expect(checkModelSignature(Buffer.from('not json'), stored, trusted)).toMatchObject({ outcome: 'invalid', reason: /not an OpenSSF/ });
  });

  it('calls a valid signature by an unknown key an unknown signer', () => {
    const stranger = [{ name: 'other', publicKey: publicKeyFromPem(signingKeyFromPem(pemOf('ec')).publicKey.pem) }];
    expect(checkModelSignature(signature(), stored, stranger)).toMatchObject({ outcome: 'unknown_signer' });
  });

  it('finds the signer without a key hint', () => {
    const bundle = JSON.parse(signature().toString());
    bundle.verificationMaterial = { publicKey: {} };
    expect(checkModelSignature(Buffer.from(JSON.stringify(bundle)), stored, trusted)).toMatchObject({ outcome: 'valid' });
  });
});
