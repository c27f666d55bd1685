import { envelopeSignedBy, IN_TOTO_PAYLOAD_TYPE } from './dsse.js';
import { type ModelStatement, parseModelStatement, SIGNATURE_FILE } from './model-statement.js';
import { bundleCertificateKey, parseBundle, type SigstoreBundle } from './sigstore-bundle.js';
import type { PublicKeyInfo } from './signing-key.js';

export interface TrustedKey {
  name: string;
  publicKey: PublicKeyInfo;
}

export interface StoredFile {
  path: string;
  sha256: string;
}

export type SignatureVerdict =
  | { outcome: 'valid'; signer: TrustedKey; model: string }
  | { outcome: 'invalid'; reason: string }
  | { outcome: 'unknown_signer'; reason: string };

/**
 * Checks a carried `model.sig` against the trusted keys and the files' actual digests. Invalid: not a
 * bundle, a signature that a matching trusted key rejects, or a statement that does not list exactly
 * these files with these digests (checked even for an unknown signer: a mismatch is tampering either way).
 */
export function checkModelSignature(bytes: Buffer, files: readonly StoredFile[], trusted: readonly TrustedKey[]): SignatureVerdict {
  let bundle: SigstoreBundle;
  let statement: ModelStatement;
  try {
    bundle = parseBundle(bytes);
    if (bundle.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new Error(`payload type ${bundle.dsseEnvelope.payloadType}`);
    statement = parseModelStatement(Buffer.from(bundle.dsseEnvelope.payload, 'base64'));
  } catch (error) {
    return { outcome: 'invalid', reason: `not an OpenSSF model signature (${describe(error)})` };
  }
  const mismatch = digestMismatch(statement, files);
  if (mismatch) return { outcome: 'invalid', reason: mismatch };
  const claimed = claimedKey(bundle, trusted);
  if (claimed) {
    return envelopeSignedBy(bundle.dsseEnvelope, claimed.publicKey)
      ? { outcome: 'valid', signer: claimed, model: statement.subject[0]!.name }
      : { outcome: 'invalid', reason: `the signature does not verify with the trusted key "${claimed.name}" it names` };
  }
  // Without a usable hint, any trusted key that verifies it is the signer.
  const signer = trusted.find((key) => envelopeSignedBy(bundle.dsseEnvelope, key.publicKey));
  if (signer) return { outcome: 'valid', signer, model: statement.subject[0]!.name };
  return { outcome: 'unknown_signer', reason: `signed by a key that is not trusted here (${signerHint(bundle)})` };
}

/** The trusted key the bundle names, by its certificate's key or by model_signing's key hint. */
function claimedKey(bundle: SigstoreBundle, trusted: readonly TrustedKey[]): TrustedKey | undefined {
  const certificateKey = bundleCertificateKey(bundle);
  if (certificateKey) return trusted.find((key) => key.publicKey.fingerprint === certificateKey.fingerprint);
  const hint = bundle.verificationMaterial.publicKey?.hint;
  return hint ? trusted.find((key) => key.publicKey.hint === hint || key.publicKey.fingerprint === hint) : undefined;
}

function signerHint(bundle: SigstoreBundle): string {
  const certificateKey = bundleCertificateKey(bundle);
  if (certificateKey) return `certificate key fingerprint ${certificateKey.fingerprint}`;
  const hint = bundle.verificationMaterial.publicKey?.hint;
  return hint ? `key hint ${hint}` : 'no key hint';
}

/** What differs between the signed resources and the stored files, or undefined when they agree exactly. */
function digestMismatch(statement: ModelStatement, files: readonly StoredFile[]): string | undefined {
  const ignored = [SIGNATURE_FILE, ...(statement.predicate.serialization.ignore_paths ?? [])];
  const isIgnored = (path: string) => ignored.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const signed = new Map(statement.predicate.resources.map((resource) => [resource.name, resource]));
  const problems: string[] = [];
  for (const file of files) {
    if (isIgnored(file.path)) continue;
    const resource = signed.get(file.path);
    if (!resource) problems.push(`${file.path} is not in the signature`);
    else if (resource.algorithm !== 'sha256' || resource.digest.toLowerCase() !== file.sha256)
      problems.push(`${file.path} has another digest`);
    signed.delete(file.path);
  }
  for (const name of signed.keys()) problems.push(`${name} is signed but missing`);
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 5).join('; ');
  return `the files do not match the signature: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}
