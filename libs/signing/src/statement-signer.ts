import { IN_TOTO_PAYLOAD_TYPE, signEnvelope } from './dsse.js';
import { type ApprovalManifest, modelStatement } from './model-statement.js';
import { keyBundle, type SigstoreBundle } from './sigstore-bundle.js';
import type { SigningKey } from './signing-key.js';
import { type StatusChangeManifest, statusStatement } from './status-statement.js';

/** The `model.sig` of an approved version: a Sigstore bundle that `model_signing verify key` accepts. */
export function signApproval(key: SigningKey, manifest: ApprovalManifest): SigstoreBundle {
  return signStatement(key, modelStatement(manifest));
}

/** A signed record that an approved version was deprecated or revoked. */
export function signStatusChange(key: SigningKey, change: StatusChangeManifest): SigstoreBundle {
  return signStatement(key, statusStatement(change));
}

function signStatement(key: SigningKey, statement: object): SigstoreBundle {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  return keyBundle(signEnvelope(key.privateKey, IN_TOTO_PAYLOAD_TYPE, payload), key.publicKey);
}
