import { Inject, Injectable } from '@nestjs/common';
import type { ModelFile, ModelVersion } from '@vetted/db';
import { checkFilePath, manifestCommitSha } from '@vetted/domain';
import { parseStoredCard } from '@vetted/lifecycle';
import { ApiKeyService } from '../auth/api-key.service.js';
import type { Principal } from '../auth/principal.js';
import { FileRepository } from '../files/file.repository.js';
import type { Download } from '../files/file.service.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { ModelRepository, type ModelRow } from '../models/model.repository.js';
import { VersionRepository } from '../models/version.repository.js';
import { HfError } from './hf-error.js';
import { SIGNATURE_FILE } from '@vetted/signing';
import { SignatureRepository } from '../signing/signature.repository.js';
import { type GitRef, type HubCommit, hubCommits, hubRefs } from './hf-history.js';
import { HfRepository } from './hf.repository.js';
import { hubModelFacts } from './hub-model-facts.js';
import { type SignatureFile, signatureFile } from './signature-file.js';
import { directoryOid, gitBlobOid, lfsPointer } from './lfs.js';

/** Anonymous Hub clients, when VETTED_HF_ANONYMOUS allows them. */
export const ANONYMOUS: Principal = { actor: 'anonymous', name: 'anonymous', role: 'viewer' };

export interface ResolvedRepo {
  model: ModelRow;
  version: ModelVersion;
  commitSha: string;
  files: ModelFile[];
  /** The site's approval signature, for approved versions that do not carry a model.sig of their own. */
  signature: SignatureFile | undefined;
  /** What listings show: the files, and the signature. */
  listed: ListedFile[];
}

type ListedFile = Pick<ModelFile, 'path' | 'sha256' | 'size'>;

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

/** The read side of the Hugging Face Hub API over Vetted's approved versions (the calls `huggingface_hub` and `@huggingface/hub` make). */
@Injectable()
export class HfService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly keys: ApiKeyService,
    private readonly models: ModelRepository,
    private readonly versions: HfRepository,
    private readonly versionRows: VersionRepository,
    private readonly files: FileRepository,
    private readonly signatures: SignatureRepository,
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

  /** Who a key belongs to, for whoami: an unknown key, or none, is refused even where anonymous reads are allowed. */
  async keyHolder(authorization: string | undefined): Promise<Principal> {
    const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const principal = token ? await this.keys.authenticate(token) : undefined;
    if (!principal) throw new HfError(401, undefined, 'Invalid credentials in Authorization header');
    return principal;
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
    const signed =
      version.status === 'approved' && !files.some((file) => file.path === SIGNATURE_FILE)
        ? await this.signatures.latest(version.id, 'approval')
        : null;
    const signature = signed ? signatureFile(signed.bundle) : undefined;
    const listed: ListedFile[] = signature ? [...files, signature] : files;
    return { model, version, commitSha: version.commitSha ?? manifestCommitSha(files), files, signature, listed };
  }

  modelInfo(repo: ResolvedRepo): Record<string, unknown> {
    const { model, version, commitSha, listed } = repo;
    const id = `${model.namespace}/${model.name}`;
    const card = parseStoredCard(version.card);
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
      cardData: { ...(model.licenseId ? { license: model.licenseId } : {}), ...card?.frontMatter },
      siblings: listed.map((file) => ({ rfilename: file.path, size: Number(file.size), lfs: lfsOf(file) })),
      ...hubModelFacts(version.facts),
    };
  }

  /** Entries under `path` ('' = the root), files and directories, sorted by path. */
  tree(repo: ResolvedRepo, path: string, recursive: boolean, expand: boolean): TreeEntry[] {
    const prefix = path === '' ? '' : `${path}/`;
    const inside = repo.listed.filter((f) => f.path.startsWith(prefix));
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
    const sorted = entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return expand ? sorted.map((entry) => ({ ...entry, lastCommit: lastCommitOf(repo) })) : sorted;
  }

  /** One entry per requested path that exists, as a file or a directory; others are left out. */
  pathsInfo(repo: ResolvedRepo, paths: string[], expand: boolean): TreeEntry[] {
    const lastCommit = lastCommitOf(repo);
    const entries: TreeEntry[] = [];
    for (const path of paths) {
      const file = repo.listed.find((f) => f.path === path);
      const entry: TreeEntry | undefined = file
        ? fileEntry(file)
        : repo.listed.some((f) => f.path.startsWith(`${path}/`))
          ? { type: 'directory', oid: directoryOid(repo.commitSha, path), size: 0, path }
          : undefined;
      if (entry) entries.push(expand ? { ...entry, lastCommit } : entry);
    }
    return entries;
  }

  /** The Hub's refs: `main` and a tag per version label. */
  async refs(repo: ResolvedRepo): Promise<Record<string, GitRef[]>> {
    return hubRefs(repo.commitSha, await this.versions.history(repo.model.id));
  }

  /** The Hub's commit history from `repo`'s version back, one commit per downloadable version. */
  async commits(repo: ResolvedRepo): Promise<HubCommit[]> {
    return hubCommits(repo.version.label, await this.versions.history(repo.model.id));
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

/** Every entry of a version was last changed by that version's commit. */
function lastCommitOf(repo: ResolvedRepo): LastCommit {
  return { id: repo.commitSha, title: `Vetted version ${repo.version.label}`, date: repo.version.updatedAt.toISOString() };
}

function lfsOf(file: ListedFile): { oid: string; sha256: string; size: number; pointerSize: number } {
  return {
    oid: file.sha256,
    sha256: file.sha256,
    size: Number(file.size),
    pointerSize: Buffer.byteLength(lfsPointer(file.sha256, file.size)),
  };
}

function fileEntry(file: ListedFile): TreeEntry {
  const { oid, size, pointerSize } = lfsOf(file);
  return { type: 'file', oid: gitBlobOid(lfsPointer(file.sha256, file.size)), size, path: file.path, lfs: { oid, size, pointerSize } };
}
