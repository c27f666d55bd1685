import { z } from 'zod';

export const BUNDLE_FORMAT = 'vetted-bundle/v1';
/** The DSSE payload type of a bundle index: not an in-toto statement, so it can never pass as a model signature. */
export const INDEX_PAYLOAD_TYPE = 'application/vnd.vetted.bundle-index.v1+json';
/** The first entry of every bundle: the signed index, read and verified before anything else is trusted. */
export const INDEX_ENTRY = 'index.sig.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleEntry = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256,
});
export type BundleEntry = z.infer<typeof bundleEntry>;

export const bundleIndexSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  createdAt: z.string(),
  /** The exporting site's public key: the one the index and every version signature must verify with. */
  site: z.object({ publicKeyPem: z.string(), fingerprint: sha256 }),
  versions: z.array(z.object({ model: z.string(), version: z.string(), dir: z.string() })),
  /** Every other entry of the tar, in the order written; nothing else may appear. */
  entries: z.array(bundleEntry),
});
export type BundleIndex = z.infer<typeof bundleIndexSchema>;
