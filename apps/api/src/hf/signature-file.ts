import { createHash } from 'node:crypto';
import { SIGNATURE_FILE } from '@vetted/signing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerRange } from '../files/byte-range.js';

/**
 * The site's approval signature served as `model.sig` next to the files, so `model_signing verify`
 * can check a Hub download. Virtual: it is not one of the version's files, so the commit sha and
 * manifest stay the ones the reviewer approved.
 */
export interface SignatureFile {
  path: typeof SIGNATURE_FILE;
  bytes: Buffer;
  sha256: string;
  size: bigint;
}

export function signatureFile(bundle: string): SignatureFile {
  const bytes = Buffer.from(bundle, 'utf8');
  return { path: SIGNATURE_FILE, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: BigInt(bytes.length) };
}

/** Like FileSender for stored files: ETag = sha256, one byte range, HEAD without a body. */
export async function sendSignatureFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: SignatureFile,
  commitSha: string,
): Promise<void> {
  const size = file.bytes.length;
  void reply
    .header('X-Repo-Commit', commitSha)
    .header('ETag', `"${file.sha256}"`)
    .header('X-Linked-Etag', `"${file.sha256}"`)
    .header('X-Linked-Size', String(size))
    .header('Accept-Ranges', 'bytes')
    .header('Content-Type', 'application/json');
  const range = answerRange(request.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    await reply.status(416).header('Content-Range', `bytes */${size}`).send();
    return;
  }
  const body = range.kind === 'partial' ? file.bytes.subarray(range.start, range.end + 1) : file.bytes;
  if (range.kind === 'partial') void reply.status(206).header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  await reply.header('Content-Length', String(body.length)).send(request.method === 'HEAD' ? undefined : body);
}
