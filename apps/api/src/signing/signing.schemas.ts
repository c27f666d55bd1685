import { z } from 'zod';

export const signingKeyView = z.object({
  algorithm: z.enum(['ecdsa-p256', 'ecdsa-p384', 'ed25519']),
  publicKeyPem: z.string(),
  fingerprint: z.string().describe('sha256 of the public key (SPKI DER), hex'),
  keyHint: z.string().describe('sha256 of the PEM, hex: the publicKey.hint in model.sig bundles'),
});
export type SigningKeyView = z.infer<typeof signingKeyView>;

export const trustedKeyView = z.object({
  id: z.string(),
  name: z.string(),
  pem: z.string(),
  fingerprint: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TrustedKeyView = z.infer<typeof trustedKeyView>;

export const createTrustedKeyBody = z.object({
  name: z.string().trim().min(1).max(200),
  pem: z.string().min(1).max(20_000).describe('A PEM public key (ECDSA or Ed25519) or X.509 certificate'),
});
export type CreateTrustedKeyBody = z.infer<typeof createTrustedKeyBody>;

export const signatureQuery = z.object({
  kind: z
    .enum(['approval', 'status'])
    .default('approval')
    .describe('approval: the model.sig; status: the latest deprecate/revoke statement'),
});
export type SignatureQuery = z.infer<typeof signatureQuery>;
