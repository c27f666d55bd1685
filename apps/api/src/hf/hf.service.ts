import { Inject, Injectable } from '@nestjs/common';
import type { ModelFile, ModelVersion } from '@vetted/db';
import { checkFilePath, manifestCommitSha } from '@vetted/domain';
import { parseStoredCard, storedFacts } from '@vetted/lifecycle';
import { z } from 'zod';
import { ApiKeyService } from '../auth/api-key.service.js';
import type { Principal } from '../auth/principal.js';
import { FileRepository } from '../files/file.repository.js';
import type { Download } from '../files/file.service.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { ModelRepository, type ModelRow } from '../models/model.repository.js';
import { VersionRepository } from '../models/version.repository.js';
import { HfError } from './hf-error.js';
import { HfRepository } from './hf.repository.js';
import { directoryOid, gitBlobOid, lfsPointer } from './lfs.js';

/** Anonymous Hub clients, when VETTED_HF_ANONYMOUS allows them. */
export const ANONYMOUS: Principal = { actor: 'anonymous', name: 'anonymous', role: 'viewer' };

export interface ResolvedRepo {
  model: ModelRow;
  version: ModelVersion;
  commitSha: string;
  files: ModelFile[];
}

export type TreeEntry =
  | {
      type: 'file';
      oid: string;
      size: number;
      path: string;
      lfs: { oid: string; size: number; pointerSize: number };
      lastCommit?: LastCommit;
    }
  | { type: 'directory'; oid: string; size: 0; path: string; lastCommit?: LastCommit };

interface LastCommit {
  id: string;
  title: string;
  date: string;
}

const MAIN_REVISIONS = new Set(['main', 'HEAD']);

/** The Hub's `safetensors` model info: parameters per dtype and their total. */
const safetensorsTotals = z.object({ parameters: z.record(z.string(), z.number()), total: z.number() });

/** The read side of the Hugging Face Hub API over Vetted's approved versions (shared/hf-protocol.md). */
@Injectable()
export class HfService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly keys: ApiKeyService,
    private readonly models: ModelRepository,
    private readonly versions: HfRepository,
    private readonly versionRows: VersionRepository,
    private readonly files: FileRepository,
  ) {}

  /**
   * Hub clients send whatever token they have (Python sends real Hub tokens to HF_ENDPOINT too), so an
   * unknown token counts as anonymous where anonymous reads are allowed, and as no access otherwise.
   */
  async principal(authorization: string | undefined): Promise<Principal> {
    const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const principal = token ? await this.keys.authenticate(token) : undefined;
    if (principal) return principal;
    if (this.config.hfAnonymous) return ANONYMOUS;
    throw new HfError(
      401,
      'RepoNotFound',
      token ? 'Invalid credentials in Authorization header' : 'Authentication required: set HF_TOKEN to a Vetted API key',
    );
  }

  /** `main`/`HEAD` = newest approved version; a 40-hex commit or a label = that version if approved. */
  async resolve(principal: Principal, namespace: string, name: string, revision = 'main'): Promise<ResolvedRepo> {
    const model = await this.models.findByName(namespace, name, true);
    if (!model) {
      // Like the Hub: the anonymous do not learn whether a repository exists.
      throw new HfError(principal === ANONYMOUS ? 401 : 404, 'RepoNotFound', `Repository ${namespace}/${name} not found`);
    }
    const version = MAIN_REVISIONS.has(revision)
      ? await this.versionRows.latestApproved(model.id)
      : /^[0-9a-f]{40}$/.test(revision)
        ? await this.versions.byCommit(model.id, revision)
        : await this.versions.byLabel(model.id, revision);
    if (!version) throw new HfError(404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
    const files = await this.files.list(version.id);
    return { model, version, commitSha: version.commitSha ?? manifestCommitSha(files), files };
  }

  modelInfo(repo: ResolvedRepo): Record<string, unknown> {
    const { model, version, commitSha, files } = repo;
    const id = `${model.namespace}/${model.name}`;
    const card = parseStoredCard(version.card);
    const safetensors = safetensorsTotals.safeParse(storedFacts.parse(version.facts).safetensors);
    return {
      _id: version.id,
      id,
      modelId: id,
      author: model.namespace,
      sha: commitSha,
      lastModified: version.updatedAt.toISOString(),
      createdAt: model.createdAt.toISOString(),
      private: false,
      gated: false,
      disabled: false,
      downloads: 0,
      likes: 0,
      tags: model.tags,
      ...(model.task ? { pipeline_tag: model.task } : {}),
      ...(model.library ? { library_name: model.library } : {}),
      cardData: card?.frontMatter ?? (model.licenseId ? { license: model.licenseId } : {}),
      siblings: files.map((file) => ({ rfilename: file.path, size: Number(file.size), lfs: lfsOf(file) })),
      ...(safetensors.success ? { safetensors: safetensors.data } : {}),
    };
  }

  /** Entries under `path` ('' = the root), files and directories, sorted by path. */
  tree(repo: ResolvedRepo, path: string, recursive: boolean): TreeEntry[] {
    const prefix = path === '' ? '' : `${path}/`;
    const inside = repo.files.filter((f) => f.path.startsWith(prefix));
    if (inside.length === 0 && path !== '')
      throw new HfError(404, 'EntryNotFound', `${path} does not exist on "${repo.version.label}"`, repo.commitSha);
    const directories = new Set<string>();
    const entries: TreeEntry[] = [];
    for (const file of inside) {
      const rest = file.path.slice(prefix.length).split('/');
      for (let depth = 1; depth < rest.length && (recursive || depth === 1); depth++)
        directories.add(prefix + rest.slice(0, depth).join('/'));
      if (recursive || rest.length === 1) entries.push(fileEntry(file));
    }
    for (const directory of directories)
      entries.push({ type: 'directory', oid: directoryOid(repo.commitSha, directory), size: 0, path: directory });
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** One entry per requested path that exists, as a file or a directory; others are left out. */
  pathsInfo(repo: ResolvedRepo, paths: string[], expand: boolean): TreeEntry[] {
    const lastCommit = { id: repo.commitSha, title: `Vetted version ${repo.version.label}`, date: repo.version.updatedAt.toISOString() };
    const entries: TreeEntry[] = [];
    for (const path of paths) {
      const file = repo.files.find((f) => f.path === path);
      const entry: TreeEntry | undefined = file
        ? fileEntry(file)
        : repo.files.some((f) => f.path.startsWith(`${path}/`))
          ? { type: 'directory', oid: directoryOid(repo.commitSha, path), size: 0, path }
          : undefined;
      if (entry) entries.push(expand ? { ...entry, lastCommit } : entry);
    }
    return entries;
  }

  /** What the file sender needs to serve and audit a download. */
  async download(repo: ResolvedRepo, file: ModelFile): Promise<Download> {
    const storageKey = await this.files.storageKey(file.sha256);
    if (!storageKey) throw new Error(`File ${file.id} has no blob row for ${file.sha256}`);
    return { file, storageKey, subject: `${repo.model.namespace}/${repo.model.name}@${repo.version.label}/${file.path}` };
  }

  file(repo: ResolvedRepo, rawPath: string): ModelFile {
    const check = checkFilePath(rawPath);
    const file = check.ok ? repo.files.find((f) => f.path === check.path) : undefined;
    if (!file) throw new HfError(404, 'EntryNotFound', `${rawPath} does not exist on "${repo.version.label}"`, repo.commitSha);
    return file;
  }
}

function lfsOf(file: ModelFile): { oid: string; sha256: string; size: number; pointerSize: number } {
  return {
    oid: file.sha256,
    sha256: file.sha256,
    size: Number(file.size),
    pointerSize: Buffer.byteLength(lfsPointer(file.sha256, file.size)),
  };
}

function fileEntry(file: ModelFile): TreeEntry {
  const { oid, size, pointerSize } = lfsOf(file);
  return { type: 'file', oid: gitBlobOid(lfsPointer(file.sha256, file.size)), size, path: file.path, lfs: { oid, size, pointerSize } };
}
