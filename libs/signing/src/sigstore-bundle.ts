import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { DsseEnvelope } from './dsse.js';
import { describePublicKey, type PublicKeyInfo } from './signing-key.js';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

const rawBytes = z.object({ rawBytes: z.string() });

/** The parts of a Sigstore bundle (JSON form of the protobuf) that a key- or certificate-based signature uses. */
const bundleSchema = z.object({
  mediaType: z.string().startsWith('application/vnd.dev.sigstore.bundle'),
  verificationMaterial: z.object({
    publicKey: z.object({ hint: z.string().optional() }).optional(),
    certificate: rawBytes.optional(),
    x509CertificateChain: z.object({ certificates: z.array(rawBytes).min(1) }).optional(),
  }),
  dsseEnvelope: z.object({
    payload: z.string(),
    payloadType: z.string(),
    signatures: z.array(z.object({ sig: z.string(), keyid: z.string().optional().default('') })).min(1),
  }),
});

export type SigstoreBundle = z.output<typeof bundleSchema>;

/** A key-based bundle: the key travels as a hint only (the verifier must already hold it), no transparency log. */
export function keyBundle(envelope: DsseEnvelope, publicKey: PublicKeyInfo): SigstoreBundle {
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: publicKey.hint } },
    dsseEnvelope: envelope,
  };
}

/** Throws (a ZodError or SyntaxError) when the bytes are not a DSSE Sigstore bundle. */
export function parseBundle(bytes: Buffer): SigstoreBundle {
  return bundleSchema.parse(JSON.parse(bytes.toString('utf8')));
}

/** The signer's public key when the bundle carries a certificate (the certificate method); undefined for the key method. */
export function bundleCertificateKey(bundle: SigstoreBundle): PublicKeyInfo | undefined {
  const material = bundle.verificationMaterial;
  const der = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  return der ? describePublicKey(new X509Certificate(Buffer.from(der, 'base64')).publicKey) : undefined;
}
