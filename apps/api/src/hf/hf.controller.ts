import { All, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiResponse, ApiTags } from '@nestjs/swagger';
import { repoNameProblem } from '@vetted/domain';
import type { ModelFile } from '@vetted/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import type { Principal } from '../auth/principal.js';
import { FileSender } from '../files/file-sender.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { ClientAddress } from './client-address.js';
import { hfBoolean } from './hf-boolean.js';
import { HfError, HfErrorFilter } from './hf-error.js';
import { ANONYMOUS, HfService, type ResolvedRepo } from './hf.service.js';
import { lfsPointer } from './lfs.js';
import { rawServesContent } from './raw-content.js';
import { sendSignatureFile } from './signature-file.js';
import { whoami } from './whoami.js';

type Query = Record<string, string | string[] | undefined>;

/**
 * Hugging Face Hub compatible, read-only, under /hf: set HF_ENDPOINT (Python) or hubUrl (JS) to
 * `http://host:port/hf` and the Hub clients download approved versions. The README's
 * "Point Hugging Face clients at Vetted" lists what they call. Authentication is checked here (Hub semantics), not by the global guard.
 */
@ApiTags('hugging-face-compatible')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or unknown key (X-Error-Code: RepoNotFound)' })
@ApiResponse({ status: 404, description: 'X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound' })
@Public()
@UseFilters(HfErrorFilter)
@Controller('hf')
export class HfController {
  private readonly clients: ClientAddress;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly hf: HfService,
    private readonly sender: FileSender,
  ) {
    this.clients = new ClientAddress(config.trustedProxies);
  }

  /** `hf auth login` and older clients check a token here; anonymous callers have no identity. */
  @Get('api/whoami-v2')
  async whoami(@Req() request: FastifyRequest) {
    return whoami(await this.hf.keyHolder(request.headers.authorization));
  }

  @Get('api/models/:namespace/:name')
  async modelInfo(@Req() request: FastifyRequest, @Param('namespace') namespace: string, @Param('name') name: string) {
    return this.hf.modelInfo(await this.repo(request, namespace, name, 'main'));
  }

  @Get('api/models/:namespace/:name/revision/:revision')
  async modelInfoAt(
    @Req() request: FastifyRequest,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
  ) {
    return this.hf.modelInfo(await this.repo(request, namespace, name, revision));
  }

  /** `tree/{revision}[/{path}]`: Python encodes the path's slashes, JS sends them raw; both arrive decoded. */
  @Get('api/models/:namespace/:name/tree/*')
  async tree(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('*') rest: string,
    @Query() query: Query,
  ): Promise<void> {
    const [revision = 'main', ...segments] = rest.split('/');
    const repo = await this.repo(request, namespace, name, revision);
    const entries = this.hf.tree(repo, segments.join('/').replace(/\/+$/, ''), hfBoolean(query.recursive), hfBoolean(query.expand));
    const after = typeof query.cursor === 'string' ? Buffer.from(query.cursor, 'base64url').toString('utf8') : '';
    const remaining = after ? entries.filter((entry) => entry.path > after) : entries;
    const page = remaining.slice(0, this.config.hfTreePageSize);
    if (remaining.length > page.length)
      this.linkNext(request, reply, 'cursor', Buffer.from(page.at(-1)!.path, 'utf8').toString('base64url'));
    await reply.send(page);
  }

  /** `main` and one tag per version label (Python `list_repo_refs`). */
  @Get('api/models/:namespace/:name/refs')
  async refs(@Req() request: FastifyRequest, @Param('namespace') namespace: string, @Param('name') name: string) {
    return this.hf.refs(await this.repo(request, namespace, name, 'main'));
  }

  /** One commit per version, newest first, paged like the Hub: `?p=<page>` and an absolute `Link` to the next page. */
  @Get('api/models/:namespace/:name/commits/:revision')
  async commits(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
    @Query() query: Query,
  ): Promise<void> {
    const commits = await this.hf.commits(await this.repo(request, namespace, name, revision));
    const size = this.config.hfTreePageSize;
    const pageIndex = typeof query.p === 'string' && /^\d{1,6}$/.test(query.p) ? Number(query.p) : 0;
    const page = commits.slice(pageIndex * size, (pageIndex + 1) * size);
    if (commits.length > (pageIndex + 1) * size) this.linkNext(request, reply, 'p', String(pageIndex + 1));
    await reply.header('X-Total-Count', String(commits.length)).send(page);
  }

  /** Python posts a form (`paths=a&paths=b`), JS posts JSON (`{"paths": [...], "expand": true}`). */
  @Post('api/models/:namespace/:name/paths-info/:revision')
  @HttpCode(200)
  async pathsInfo(
    @Req() request: FastifyRequest,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
  ) {
    const body = (request.body ?? {}) as { paths?: unknown; expand?: unknown };
    const paths = [body.paths].flat().filter((path): path is string => typeof path === 'string');
    return this.hf.pathsInfo(await this.repo(request, namespace, name, revision), paths, hfBoolean(body.expand));
  }

  @Get(':namespace/:name/resolve/:revision/*')
  async resolve(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
    @Param('*') path: string,
  ): Promise<void> {
    const principal = await this.hf.principal(request.headers.authorization);
    const repo = await this.hf.resolve(principal, ...this.repoId(namespace, name), revision);
    if (repo.signature && path === repo.signature.path) return sendSignatureFile(request, reply, repo.signature, repo.commitSha);
    await this.sendFile(request, reply, principal, repo, this.hf.file(repo, path));
  }

  /**
   * `raw` serves the git blob: the content of files the Hub keeps in git (small, not weights), the LFS
   * pointer of the others.
   */
  @Get(':namespace/:name/raw/:revision/*')
  async raw(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
    @Param('*') path: string,
  ): Promise<void> {
    const principal = await this.hf.principal(request.headers.authorization);
    const repo = await this.hf.resolve(principal, ...this.repoId(namespace, name), revision);
    if (repo.signature && path === repo.signature.path) return sendSignatureFile(request, reply, repo.signature, repo.commitSha);
    const file = this.hf.file(repo, path);
    if (rawServesContent(file.path, Number(file.size))) return this.sendFile(request, reply, principal, repo, file);
    await reply
      .header('X-Repo-Commit', repo.commitSha)
      .header('Content-Type', 'text/plain; charset=utf-8')
      .send(lfsPointer(file.sha256, file.size));
  }

  /** Datasets, spaces, uploads and anything else the Hub has and Vetted does not. */
  @All('*')
  @ApiExcludeEndpoint()
  async unknown(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // CORS preflight, so the JS client also works from a browser page on another origin.
    if (request.method === 'OPTIONS') return void (await reply.status(204).send());
    throw new HfError(404, 'RepoNotFound', 'Repository not found');
  }

  private async sendFile(request: FastifyRequest, reply: FastifyReply, principal: Principal, repo: ResolvedRepo, file: ModelFile) {
    await this.sender.send(request, reply, principal, await this.hf.download(repo, file), {
      redirect: this.config.downloadRedirect,
      headers: {
        'X-Repo-Commit': repo.commitSha,
        'X-Linked-Etag': `"${file.sha256}"`,
        'X-Linked-Size': file.size.toString(),
      },
      emptyFileRangeOk: true,
      // Anonymous callers share no key: each client address gets its own download limit.
      rateLimitKey:
        principal === ANONYMOUS
          ? `address:${this.clients.of(request.socket.remoteAddress, request.headers['x-forwarded-for'])}`
          : principal.actor,
    });
  }

  /** An absolute `Link` to the next page carrying every query parameter: a relative one makes the JS client stop after page one. */
  private linkNext(request: FastifyRequest, reply: FastifyReply, parameter: string, value: string): void {
    // Behind a proxy, VETTED_PUBLIC_URL gives the scheme and host clients use.
    const next = new URL(`${this.config.publicUrl ?? `${request.protocol}://${request.host}`}${request.url}`);
    next.searchParams.set(parameter, value);
    void reply.header('Link', `<${next.toString()}>; rel="next"`);
  }

  private async repo(request: FastifyRequest, namespace: string, name: string, revision: string): Promise<ResolvedRepo> {
    const principal = await this.hf.principal(request.headers.authorization);
    return this.hf.resolve(principal, ...this.repoId(namespace, name), revision);
  }

  private repoId(namespace: string, name: string): [string, string] {
    if (repoNameProblem(namespace) || repoNameProblem(name))
      throw new HfError(404, 'RepoNotFound', `Repository ${namespace}/${name} not found`);
    return [namespace, name];
  }
}
