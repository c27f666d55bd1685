import { createHash } from 'node:crypto';
import { z } from 'zod';

export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** OpenSSF model signing v1.0: verifiers read `serialization` and `resources` and ignore other predicate fields. */
export const MODEL_SIGNING_PREDICATE = 'https://model_signing/signature/v1.0';
export const SIGNATURE_FILE = 'model.sig';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

/** What Vetted signs on approval: exactly these files, and who decided about them when. */
export interface ApprovalManifest {
  model: string;
  version: string;
  commitSha: string;
  licenseId: string | null;
  reviewer: string;
  approvedAt: string;
  files: ManifestFile[];
}

const resourceSchema = z.object({ name: z.string(), algorithm: z.string(), digest: z.string(), size: z.number().optional() });

const statementSchema = z.object({
  _type: z.literal(IN_TOTO_STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ sha256: z.string() }) })).length(1),
  predicateType: z.literal(MODEL_SIGNING_PREDICATE),
  predicate: z.object({
    serialization: z.object({
      method: z.string(),
      hash_type: z.string().optional(),
      allow_symlinks: z.boolean().optional(),
      ignore_paths: z.array(z.string()).optional(),
    }),
    resources: z.array(resourceSchema),
  }),
});

export type ModelStatement = z.output<typeof statementSchema>;

/** The in-toto statement model_signing verifies: one resource per file (sorted by path) and a root digest over them. */
export function modelStatement(manifest: ApprovalManifest): ModelStatement & { predicate: { vetted: Omit<ApprovalManifest, 'files'> } } {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const resources = files.map((file) => ({ name: file.path, algorithm: 'sha256', digest: file.sha256, size: file.size }));
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: manifest.model, digest: { sha256: rootDigest(resources) } }],
    predicateType: MODEL_SIGNING_PREDICATE,
    predicate: {
      serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: [SIGNATURE_FILE] },
      resources,
      vetted: {
        model: manifest.model,
        version: manifest.version,
        commitSha: manifest.commitSha,
        licenseId: manifest.licenseId,
        reviewer: manifest.reviewer,
        approvedAt: manifest.approvedAt,
      },
    },
  };
}

/** sha256 over the resources' raw digests in order: model_signing's subject digest for the whole model. */
export function rootDigest(resources: readonly { digest: string }[]): string {
  const hash = createHash('sha256');
  for (const resource of resources) hash.update(Buffer.from(resource.digest, 'hex'));
  return hash.digest('hex');
}

/** Throws when the payload is not a model_signing v1.0 statement or its root digest disagrees with its resources. */
export function parseModelStatement(payload: Buffer): ModelStatement {
  const statement = statementSchema.parse(JSON.parse(payload.toString('utf8')));
  if (rootDigest(statement.predicate.resources) !== statement.subject[0]!.digest.sha256) {
    throw new Error('the statement is inconsistent: its resources do not hash to its subject digest');
  }
  return statement;
}
