import { z } from 'zod';

export const fileView = z.object({
  path: z.string(),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('Hex digest; also the ETag of the download'),
  format: z.string().nullable().describe('safetensors, onnx, gguf, pickle, json, text or other'),
  scan: z.object({ status: z.enum(['pending', 'clean', 'warning', 'critical', 'error']), findings: z.array(z.unknown()) }),
  createdAt: z.string(),
});
export type FileView = z.output<typeof fileView>;

export const downloadQuery = z.strictObject({
  redirect: z.enum(['0', '1', 'true', 'false']).optional().describe('1: answer 302 to a short-lived presigned URL (S3 storage only)'),
});
