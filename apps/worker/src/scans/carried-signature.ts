import type { Config } from '@vetted/config';
import { type Finding, type FileScan, statusOf } from '@vetted/formats';
import { checkModelSignature, loadSigningKey, publicKeyFromPem, SIGNATURE_FILE, type TrustedKey } from '@vetted/signing';
import type { BlobStore } from '@vetted/storage';
import { blobByteSource } from './blob-byte-source.js';
import type { ScanRepository, ScanTarget } from './scan.repository.js';

/** Bigger than any real bundle; a larger model.sig is not read, and says so. */
const SIGNATURE_MAX_BYTES = 1024 * 1024;

/**
 * A version that arrives with an OpenSSF `model.sig` has it checked against the site's key, the
 * organisation's trusted keys and the files' stored sha256: the verdict is a finding on model.sig,
 * so it reaches the review evidence like any other file finding.
 */
export async function withCarriedSignature(
  config: Config,
  store: BlobStore,
  scans: ScanRepository,
  version: ScanTarget,
  files: FileScan[],
): Promise<FileScan[]> {
  const carried = version.files.find((file) => file.path === SIGNATURE_FILE);
  if (!carried) return files;
  const finding = await signatureFinding(config, store, scans, version, carried);
  return files.map((file) => {
    if (file.path !== SIGNATURE_FILE || file.status === 'error') return file;
    const findings = [...file.findings, finding];
    return { ...file, findings, status: statusOf(findings) };
  });
}

async function signatureFinding(
  config: Config,
  store: BlobStore,
  scans: ScanRepository,
  version: ScanTarget,
  carried: ScanTarget['files'][number],
): Promise<Finding> {
  const size = Number(carried.blob.size);
  if (size > SIGNATURE_MAX_BYTES) {
    return { severity: 'critical', code: 'model_signature_invalid', message: `model.sig has ${size} bytes: not a model signature` };
  }
  const bytes = await blobByteSource(store, carried.blob.storageKey, size).read(0, size);
  const verdict = checkModelSignature(Buffer.from(bytes), version.files, await trustedKeys(config, scans));
  switch (verdict.outcome) {
    case 'valid':
      return {
        severity: 'info',
        code: 'model_signature_valid',
        message: `model.sig is a valid signature of every file by "${verdict.signer.name}"`,
        evidence: { signer: verdict.signer.name, fingerprint: verdict.signer.publicKey.fingerprint, model: verdict.model },
      };
    case 'invalid':
      return { severity: 'critical', code: 'model_signature_invalid', message: `model.sig does not hold: ${verdict.reason}` };
    case 'unknown_signer':
      return {
        severity: 'warning',
        code: 'model_signature_unknown_signer',
        message: `model.sig matches the files but is ${verdict.reason}`,
      };
  }
}

/** The site's own key first (always trusted), then the organisation's. */
async function trustedKeys(config: Config, scans: ScanRepository): Promise<TrustedKey[]> {
  const site = await loadSigningKey({ pem: config.signingKeyPem, dataDir: config.dataDir });
  const keys: TrustedKey[] = [{ name: 'this site', publicKey: site.publicKey }];
  for (const row of await scans.trustedKeys()) {
    try {
      keys.push({ name: row.name, publicKey: publicKeyFromPem(row.pem) });
    } catch {
      // Checked when it was added; a key this Node cannot load simply verifies nothing.
    }
  }
  return keys;
}
