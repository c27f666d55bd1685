import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Large files are served the way the Hub serves LFS files: with their sha256 in the listing. */
const LFS_THRESHOLD = 1024;

export interface TestRepo {
  sha: string;
  files: Record<string, Buffer>;
  /** Answer 401 GatedRepo unless the request carries this token. */
  gatedToken?: string;
  /** Serve other bytes than the listing's sha256 for this path. */
  corruptPath?: string;
  /** Cut the connection halfway through this path, this many times. */
  dropPath?: string;
  drops?: number;
  /** Delay each body chunk (ms), to observe progress and cancel a running import. */
  slowMs?: number;
}

export interface TestHub {
  url: string;
  repos: Map<string, TestRepo>;
  /** Paths whose whole bytes were requested, in order (for "skips what is already stored"). */
  downloads: string[];
  close(): Promise<void>;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * A small Hub-shaped server for the import tests: the endpoints `@huggingface/hub` calls (model info
 * with a revision, recursive tree, resolve with Range), the Hub's error codes, and the faults the
 * tests need. It is a test double of the Hugging Face Hub, which the tests cannot reach.
 */
export async function startTestHub(): Promise<TestHub> {
  const repos = new Map<string, TestRepo>();
  const downloads: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://hub');
    const fail = (status: number, code: string, message: string) => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-error-code': code }).end(JSON.stringify({ error: message }));
    };
    const route =
      url.pathname.match(/^\/api\/models\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)(?:\/(.*))?$/) ??
      url.pathname.match(/^\/([^/]+\/[^/]+)\/(resolve)\/([^/]+)\/(.+)$/);
    if (!route) return fail(404, 'RepoNotFound', 'Repository not found');
    const [, repoId, kind, rawRevision] = route as unknown as [string, string, string, string];
    const repo = repos.get(repoId);
    if (!repo) return fail(404, 'RepoNotFound', 'Repository not found');
    if (repo.gatedToken && request.headers.authorization !== `Bearer ${repo.gatedToken}`) {
      return fail(401, 'GatedRepo', 'Access to this model is restricted');
    }
    const revision = decodeURIComponent(rawRevision);
    if (revision !== 'main' && revision !== repo.sha) return fail(404, 'RevisionNotFound', `Invalid rev id: ${revision}`);

    if (kind === 'revision') {
      const siblings = Object.keys(repo.files).map((rfilename) => ({ rfilename }));
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ _id: repo.sha, id: repoId, sha: repo.sha, siblings, private: false }));
      return;
    }
    if (kind === 'tree') {
      const items = Object.entries(repo.files).map(([path, body]) => ({
        type: 'file',
        oid: createHash('sha1').update(path).digest('hex'),
        size: body.length,
        path,
        ...(body.length >= LFS_THRESHOLD ? { lfs: { oid: sha256(body), size: body.length, pointerSize: 130 } } : {}),
      }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(items));
      return;
    }
    const path = decodeURIComponent(route[4]!);
    const stored = repo.files[path];
    if (!stored) return fail(404, 'EntryNotFound', `${path} does not exist`);
    const body = repo.corruptPath === path ? Buffer.from(stored.map((byte) => byte ^ 0xff)) : stored;
    const range = request.headers.range?.match(/^bytes=(\d+)-(\d*)$/);
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    const headers = {
      'content-type': 'application/octet-stream',
      'content-length': String(Math.max(0, end - start + 1)),
      etag: `"${sha256(stored)}"`,
      'x-repo-commit': repo.sha,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${body.length}` } : {}),
    };
    response.writeHead(range ? 206 : 200, headers);
    if (request.method === 'HEAD') return void response.end();
    if (!range) downloads.push(path); // the JS client probes with a 1-byte range before each download
    const slice = body.subarray(start, end + 1);
    if (repo.dropPath === path && (repo.drops ?? 0) > 0 && slice.length > 1) {
      repo.drops = (repo.drops ?? 0) - 1;
      response.write(slice.subarray(0, Math.floor(slice.length / 2)), () => response.destroy());
      return;
    }
    void (async () => {
      for (let offset = 0; offset < slice.length; offset += 64 * 1024) {
        if (repo.slowMs) await new Promise((resolve) => setTimeout(resolve, repo.slowMs));
        if (!response.write(slice.subarray(offset, offset + 64 * 1024))) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    repos,
    downloads,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
