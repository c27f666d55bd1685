import {
  envelopeSignedBy,
  keyBundle,
  parseBundle,
  publicKeyFromPem,
  signEnvelope,
  type PublicKeyInfo,
  type SigningKey,
} from '@vetted/signing';
import { BundleRefused } from './bundle-refused.js';
import { type BundleIndex, bundleIndexSchema, INDEX_PAYLOAD_TYPE } from './bundle-index.js';

/** The signed index as a Sigstore bundle (DSSE envelope, key method): the same shape as a model.sig. */
export function signIndex(key: SigningKey, index: BundleIndex): Buffer {
  const envelope = signEnvelope(key.privateKey, INDEX_PAYLOAD_TYPE, Buffer.from(JSON.stringify(index), 'utf8'));
  return Buffer.from(JSON.stringify(keyBundle(envelope, key.publicKey)), 'utf8');
}

export interface IndexTrust {
  /** Keys whose site's approvals this site accepts as its own. */
  trusted: readonly PublicKeyInfo[];
  /** A key fingerprint the importer confirmed out of band: its versions land for review, not approved. */
  expectedSigner?: string | undefined;
}

export interface VerifiedIndex {
  index: BundleIndex;
  signer: PublicKeyInfo;
  /** Whether the signer is one of the trusted keys. */
  trustedSigner: boolean;
}

/** Parses and verifies the index; throws BundleRefused unless its own key signed it and that key is trusted or expected. */
export function verifyIndex(bytes: Buffer, trust: IndexTrust): VerifiedIndex {
  let index: BundleIndex;
  let signer: PublicKeyInfo;
  let envelope: ReturnType<typeof parseBundle>['dsseEnvelope'];
  try {
    envelope = parseBundle(bytes).dsseEnvelope;
    if (envelope.payloadType !== INDEX_PAYLOAD_TYPE) throw new Error(`payload type ${envelope.payloadType}`);
    index = bundleIndexSchema.parse(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')));
    signer = publicKeyFromPem(index.site.publicKeyPem);
  } catch (error) {
    throw new BundleRefused('bundle_unsigned', `The bundle does not start with a signed index (${describe(error)})`);
  }
  if (signer.fingerprint !== index.site.fingerprint || !envelopeSignedBy(envelope, signer)) {
    throw new BundleRefused('bundle_signature_invalid', 'The index signature does not verify with the key it names');
  }
  const trustedSigner = trust.trusted.some((key) => key.fingerprint === signer.fingerprint);
  if (!trustedSigner && trust.expectedSigner !== signer.fingerprint) {
    throw new BundleRefused(
      'bundle_signer_unknown',
      `The bundle is signed by key ${signer.fingerprint}, which is neither trusted here nor the signer the import expected`,
    );
  }
  return { index, signer, trustedSigner };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}
