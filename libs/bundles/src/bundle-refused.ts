/** Why a bundle cannot be imported; `code` is stable and becomes the problem code. */
export type RefusalCode =
  | 'bundle_unsigned'
  | 'bundle_signature_invalid'
  | 'bundle_signer_unknown'
  | 'bundle_malformed'
  | 'bundle_entry_unlisted'
  | 'bundle_entry_tampered'
  | 'bundle_entry_missing'
  | 'bundle_truncated'
  | 'bundle_version_signature_invalid';

export class BundleRefused extends Error {
  override readonly name = 'BundleRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}
