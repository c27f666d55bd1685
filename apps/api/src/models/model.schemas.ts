import { repoNameProblem } from '@vetted/domain';
import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';

const repoName = z.string().superRefine((value, context) => {
  const problem = repoNameProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const tag = z.string().regex(/^[^\s\p{C}]{1,100}$/u, 'must be 1–100 visible characters without spaces');
const task = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a Hugging Face pipeline tag such as "text-generation"');
const licenseId = z.string().min(1).max(100).describe('A license id from /v1/licenses (its Hugging Face tag)');

const editableFields = {
  displayName: z.string().trim().min(1).max(200).nullable(),
  description: z.string().max(10_000),
  task: task.nullable(),
  library: z.string().min(1).max(100).nullable(),
  tags: z
    .array(tag)
    .max(100)
    .transform((tags) => [...new Set(tags)]),
  license: licenseId.nullable(),
};

export const createModelBody = z.strictObject({
  namespace: repoName.describe('Organisation or user, Hugging Face naming rules'),
  name: repoName.describe('Model name, Hugging Face naming rules'),
  displayName: editableFields.displayName.optional(),
  description: editableFields.description.default(''),
  task: editableFields.task.optional(),
  library: editableFields.library.optional(),
  tags: editableFields.tags.default([]),
  license: editableFields.license.optional(),
});
export type CreateModelBody = z.output<typeof createModelBody>;

export const updateModelBody = z
  .strictObject({
    displayName: editableFields.displayName,
    description: editableFields.description,
    task: editableFields.task,
    library: editableFields.library,
    tags: editableFields.tags,
    license: editableFields.license,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field');
export type UpdateModelBody = z.output<typeof updateModelBody>;

export const listModelsQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Full-text search over name, description and tags (prefix match per word)'),
  license: licenseId.optional(),
  task: task.optional(),
  tag: tag.optional(),
  format: z
    .string()
    .regex(/^[a-z0-9]{1,20}$/)
    .optional()
    .describe('Only models with a file of this format (e.g. safetensors, onnx, gguf)'),
  commercial: z
    .enum(['yes', 'conditional', 'no', 'unknown'])
    .optional()
    .describe("Only models whose license's commercial-use verdict is this"),
  minParameters: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  maxParameters: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  status: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['recent', 'name', 'size']).default('recent').describe('recent: newest first; name: A→Z; size: most parameters first'),
  ...pageQuery,
});
export type ListModelsQuery = z.output<typeof listModelsQuery>;

export const modelView = z.object({
  id: z.string().describe('namespace/name'),
  namespace: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  description: z.string(),
  task: z.string().nullable(),
  library: z.string().nullable(),
  license: z.string().nullable(),
  tags: z.array(z.string()),
  source: z.string(),
  status: z.enum(['active', 'archived']),
  latestApprovedVersion: z.string().nullable(),
  parameters: z.number().nullable().describe('Of the latest approved version (else the latest scanned one); null until scanned'),
  formats: z.array(z.string()).describe('Weight formats among its files: safetensors, onnx, gguf, pickle, npy'),
  commercialUse: z.string().nullable().describe("The license's commercial-use verdict: yes, conditional, no, unknown"),
  bestLatencyMs: z.number().nullable().describe('Lowest p50 latency of any succeeded ONNX benchmark run'),
  bestTokensPerSecond: z.number().nullable().describe('Highest generation tokens per second of any succeeded GGUF benchmark run'),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ModelView = z.output<typeof modelView>;

export const modelParams = z.object({ namespace: repoName, name: repoName });
