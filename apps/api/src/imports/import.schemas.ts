import { repoNameProblem } from '@vetted/domain';
import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';
import { versionLabel } from '../models/version.schemas.js';
import { IMPORT_FAILURE_KINDS } from './import-failure.js';

const repoName = z.string().superRefine((value, context) => {
  const problem = repoNameProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const glob = z.string().min(1).max(200);

export const createImportBody = z.strictObject({
  repo: z
    .string()
    .regex(/^[^/]+\/[^/]+$/, 'must be "namespace/name"')
    .superRefine((value, context) => {
      for (const part of value.split('/')) {
        const problem = repoNameProblem(part);
        if (problem) context.addIssue({ code: 'custom', message: `"${part}" ${problem}` });
      }
    })
    .describe('Hub repository id, e.g. "google-bert/bert-base-uncased"'),
  revision: z
    .string()
    .regex(/^[\w.\-/]{1,255}$/, 'must be a branch, tag or commit')
    .refine((value) => !value.includes('..'), 'must not contain ".."')
    .default('main'),
  namespace: repoName.optional().describe('Vetted namespace; the Hub namespace by default'),
  name: repoName.optional().describe('Vetted model name; the Hub name by default'),
  version: versionLabel.optional().describe('Version label; the resolved commit sha by default'),
  include: z.array(glob).max(100).default([]).describe('Only files matching one of these globs'),
  exclude: z.array(glob).max(100).default([]).describe('Skip files matching one of these globs'),
});
export type CreateImportBody = z.output<typeof createImportBody>;

export const listImportsQuery = z.strictObject(pageQuery);

export const importFileView = z.object({
  path: z.string(),
  size: z.number(),
  bytesDone: z.number(),
  status: z.enum(['pending', 'downloading', 'stored', 'skipped', 'failed']),
});

export const importView = z.object({
  id: z.string(),
  repo: z.string(),
  revision: z.string(),
  commitSha: z.string().nullable(),
  namespace: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  include: z.array(z.string()),
  exclude: z.array(z.string()),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  bytesDone: z.number(),
  bytesTotal: z.number().nullable(),
  files: z.array(importFileView),
  error: z.string().nullable(),
  errorKind: z
    .enum(IMPORT_FAILURE_KINDS)
    .nullable()
    .describe('Why it failed or stopped (network, not_found, gated, checksum…); null while it has not'),
  createdBy: z.string(),
  createdByName: z.string().describe('The name of the key that started the import'),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.output<typeof importView>;
