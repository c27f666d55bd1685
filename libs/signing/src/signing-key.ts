import { createPrivateKey, createPublicKey, createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** The organisation's key: signs approvals and status changes. The private half never leaves this object. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: PublicKeyInfo;
}

/** A public key as Vetted names it: its PEM, its fingerprint and model_signing's key hint. */
export interface PublicKeyInfo {
  key: KeyObject;
  algorithm: 'ecdsa-p256' | 'ecdsa-p384' | 'ed25519';
  pem: string;
  /** sha256 of the SubjectPublicKeyInfo DER, hex: how people compare keys. */
  fingerprint: string;
  /** sha256 of the PEM text, hex: the `publicKey.hint` model_signing writes and checks in a bundle. */
  hint: string;
}

/** A PEM private key (PKCS#8 or SEC1), ECDSA P-256/P-384 or Ed25519; anything else is refused. */
export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: describePublicKey(createPublicKey(privateKey)) };
}

export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A public key PEM, or the public key of a certificate PEM. */
export function publicKeyFromPem(pem: string): PublicKeyInfo {
  return describePublicKey(createPublicKey(pem));
}

export function describePublicKey(key: KeyObject): PublicKeyInfo {
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  const der = key.export({ type: 'spki', format: 'der' });
  return {
    key,
    algorithm: algorithmOf(key),
    pem,
    fingerprint: createHash('sha256').update(der).digest('hex'),
    hint: createHash('sha256').update(pem).digest('hex'),
  };
}

function algorithmOf(key: KeyObject): PublicKeyInfo['algorithm'] {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ecdsa-p256';
    if (curve === 'secp384r1') return 'ecdsa-p384';
  }
  throw new UnsupportedKey(`${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
}

export class UnsupportedKey extends Error {
  constructor(kind: string) {
    super(`Signing keys must be ECDSA P-256, P-384 or Ed25519 (got ${kind})`);
  }
}
