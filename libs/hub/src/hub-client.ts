import type { Readable } from 'node:stream';
import { fileDownloadInfo, HubApiError, listFiles, modelInfo } from '@huggingface/hub';
import { HubError } from './hub-error.js';
import { openUrl } from './http-stream.js';
import { DEFAULT_RETRY, type RetryPolicy, retryingFetch } from './retrying-fetch.js';

export interface HubFile {
  path: string;
  size: number;
  /** sha256 of LFS files, as the Hub records it; absent for small files kept in git. */
  sha256: string | undefined;
}

export interface HubClientOptions {
  hubUrl: string;
  token?: string | undefined;
  retry?: RetryPolicy;
}

/**
 * Reads repositories from the Hugging Face Hub (or a mirror) through the official JS client, with
 * retries on network errors and 5xx, and the Hub's errors translated into HubError kinds.
 */
export class HubClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.fetch = retryingFetch(options.retry ?? DEFAULT_RETRY);
  }

  /** The 40-hex commit a branch, tag or commit names: everything after is pinned to it. */
  async resolveRevision(repo: string, revision: string): Promise<string> {
    const info = await this.call(repo, revision, (fetch) =>
      modelInfo({ name: repo, revision, hubUrl: this.options.hubUrl, fetch, additionalFields: ['sha'], ...this.credentials() }),
    );
    if (!info.sha || !/^[0-9a-f]{40}$/.test(info.sha))
      throw new HubError('unavailable', `The Hub gave no commit sha for ${repo}@${revision}`);
    return info.sha;
  }

  async listFiles(repo: string, commitSha: string): Promise<HubFile[]> {
    return this.call(repo, commitSha, async (fetch) => {
      const files: HubFile[] = [];
      for await (const entry of listFiles({
        repo,
        revision: commitSha,
        recursive: true,
        hubUrl: this.options.hubUrl,
        fetch,
        ...this.credentials(),
      })) {
        if (entry.type === 'file') files.push({ path: entry.path, size: entry.size, sha256: entry.lfs?.oid });
      }
      return files;
    });
  }

  /**
   * The file's bytes as a stream; a connection dropped mid-file surfaces as a stream error. The client
   * finds the download URL (redirects, Xet refused); the bytes then flow through a plain Node stream.
   */
  async open(repo: string, commitSha: string, path: string): Promise<Readable> {
    const info = await this.call(repo, commitSha, (fetch) =>
      fileDownloadInfo({ repo, path, revision: commitSha, hubUrl: this.options.hubUrl, fetch, ...this.credentials() }),
    );
    if (!info) throw new HubError('file_not_found', `${path} is not in ${repo}@${commitSha}`);
    if (info.xet) throw new HubError('unavailable', `${path} is only offered over Xet, which Vetted does not speak`);
    return openUrl(info.url, this.options.token);
  }

  private credentials(): { accessToken: `hf_${string}` } | Record<string, never> {
    return this.options.token ? { accessToken: this.options.token as `hf_${string}` } : {};
  }

  /** Runs a client call, remembering the Hub's X-Error-Code so a 404 can say what was not found. */
  private async call<T>(repo: string, revision: string, work: (fetch: typeof globalThis.fetch) => Promise<T>): Promise<T> {
    let errorCode: string | null = null;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await this.fetch(input, init);
      errorCode = response.headers.get('x-error-code');
      return response;
    };
    try {
      return await work(fetch);
    } catch (error) {
      if (!(error instanceof HubApiError)) {
        throw new HubError('unavailable', `The Hub could not be reached: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (errorCode === 'GatedRepo' || error.statusCode === 401 || error.statusCode === 403) {
        const why = errorCode === 'GatedRepo' ? 'is gated' : 'needs authorisation';
        throw new HubError('unauthorized', `${repo} ${why}: set HF_TOKEN to a token with access`);
      }
      if (errorCode === 'RevisionNotFound') throw new HubError('revision_not_found', `${repo} has no revision ${revision}`);
      if (errorCode === 'EntryNotFound') throw new HubError('file_not_found', `A file is missing from ${repo}@${revision}`);
      if (error.statusCode === 404) throw new HubError('repo_not_found', `${repo} does not exist on the Hub`);
      throw new HubError('unavailable', `The Hub answered ${error.statusCode} for ${repo}@${revision}`);
    }
  }
}
