import { sign, verify, type KeyObject } from 'node:crypto';
import type { PublicKeyInfo } from './signing-key.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseEnvelope {
  /** base64 */
  payload: string;
  payloadType: string;
  signatures: { sig: string; keyid: string }[];
}

/** DSSE's pre-authentication encoding: what is actually signed, so the type cannot be swapped. */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function signEnvelope(privateKey: KeyObject, payloadType: string, payload: Buffer): DsseEnvelope {
  const signature = sign(digestFor(privateKey), preAuthEncoding(payloadType, payload), privateKey);
  return { payload: payload.toString('base64'), payloadType, signatures: [{ sig: signature.toString('base64'), keyid: '' }] };
}

/** True when one of the envelope's signatures is by this key. */
export function envelopeSignedBy(envelope: DsseEnvelope, publicKey: PublicKeyInfo): boolean {
  const signed = preAuthEncoding(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
  return envelope.signatures.some((signature) => {
    try {
      return verify(digestFor(publicKey.key), signed, publicKey.key, Buffer.from(signature.sig, 'base64'));
    } catch {
      return false;
    }
  });
}

/** The hash each curve is paired with in Sigstore (and model_signing); Ed25519 hashes internally. */
function digestFor(key: KeyObject): string | null {
  if (key.asymmetricKeyType === 'ed25519') return null;
  return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'sha384' : 'sha256';
}
