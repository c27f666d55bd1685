import { All, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiResponse, ApiTags } from '@nestjs/swagger';
import { repoNameProblem } from '@vetted/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { FileSender } from '../files/file-sender.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { HfError, HfErrorFilter } from './hf-error.js';
import { HfService, type ResolvedRepo } from './hf.service.js';
import { lfsPointer } from './lfs.js';

type Query = Record<string, string | string[] | undefined>;

const truthy = (value: unknown): boolean => value === 'true' || value === '1' || value === true;

/**
 * Hugging Face Hub compatible, read-only, under /hf: set HF_ENDPOINT (Python) or hubUrl (JS) to
 * `http://host:port/hf` and the Hub clients download approved versions. Protocol notes:
 * shared/hf-protocol.md. Authentication is checked here (Hub semantics), not by the global guard.
 */
@ApiTags('hugging-face-compatible')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or unknown key (X-Error-Code: RepoNotFound)' })
@ApiResponse({ status: 404, description: 'X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound' })
@Public()
@UseFilters(HfErrorFilter)
@Controller('hf')
export class HfController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly hf: HfService,
    private readonly sender: FileSender,
    private readonly limiter: RateLimiter,
  ) {}

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
    const entries = this.hf.tree(repo, segments.join('/').replace(/\/+$/, ''), truthy(query.recursive));
    const after = typeof query.cursor === 'string' ? Buffer.from(query.cursor, 'base64url').toString('utf8') : '';
    const remaining = after ? entries.filter((entry) => entry.path > after) : entries;
    const page = remaining.slice(0, this.config.hfTreePageSize);
    if (remaining.length > page.length) {
      // Absolute, with every query parameter: a relative link makes the JS client stop after page one.
      // Behind a proxy, VETTED_PUBLIC_URL gives the scheme and host clients use.
      const next = new URL(`${this.config.publicUrl ?? `${request.protocol}://${request.host}`}${request.url}`);
      next.searchParams.set('cursor', Buffer.from(page.at(-1)!.path, 'utf8').toString('base64url'));
      void reply.header('Link', `<${next.toString()}>; rel="next"`);
    }
    await reply.send(page);
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
    return this.hf.pathsInfo(await this.repo(request, namespace, name, revision), paths, truthy(body.expand));
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
    this.limiter.take(principal.actor, 'downloads');
    const repo = await this.hf.resolve(principal, ...this.repoId(namespace, name), revision);
    const file = this.hf.file(repo, path);
    await this.sender.send(request, reply, principal, await this.hf.download(repo, file), {
      redirect: this.config.downloadRedirect,
      headers: {
        'X-Repo-Commit': repo.commitSha,
        'X-Linked-Etag': `"${file.sha256}"`,
        'X-Linked-Size': file.size.toString(),
      },
      emptyFileRangeOk: true,
    });
  }

  /** `raw` serves the git blob: for files kept as LFS objects, that is the pointer. */
  @Get(':namespace/:name/raw/:revision/*')
  async raw(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Param('revision') revision: string,
    @Param('*') path: string,
  ): Promise<void> {
    const repo = await this.repo(request, namespace, name, revision);
    const file = this.hf.file(repo, path);
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
