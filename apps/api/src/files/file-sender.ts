import { finished, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@vetted/domain';
import { BlobStoreUnavailableError } from '@vetted/storage';
import type { Principal } from '../auth/principal.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { sendProblem } from '../http/problem.filter.js';
import { problem } from '../http/problem.js';
import { answerRange, matchesEtag } from './byte-range.js';
import { type Download, FileService } from './file.service.js';

const PRESIGNED_URL_SECONDS = 300;
/** Range answers this short are probes for the size and ETag (the JS Hub client asks for `bytes=0-0`), not downloads. */
const PROBE_MAX_BYTES = 2;

export interface SendOptions {
  /** Answer with a redirect to a presigned URL when the store can make one. */
  redirect: boolean;
  /** Sent on every answer, redirects and 304s included (the Hub's X-Repo-Commit, X-Linked-*). */
  headers?: Record<string, string>;
  /** A range request for an empty file gets 200 + `Content-Range: bytes * /0` rather than 416 (Hub clients probe with a range). */
  emptyFileRangeOk?: boolean;
  /** Who the download limit counts against; default the principal's actor (anonymous callers: their address). */
  rateLimitKey?: string;
}

/**
 * Serves a stored file over HTTP for both download endpoints: ETag = sha256, one byte range,
 * If-None-Match, HEAD without reading the object, optional presigned redirect, and an audit event
 * recorded once the response is over. Only answers that send file bytes count against the download limit.
 */
@Injectable()
export class FileSender {
  constructor(
    private readonly files: FileService,
    private readonly limiter: RateLimiter,
  ) {}

  async send(request: FastifyRequest, reply: FastifyReply, principal: Principal, download: Download, options: SendOptions): Promise<void> {
    const { file } = download;
    const size = Number(file.size);
    const etag = `"${file.sha256}"`;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    void reply
      .headers(options.headers ?? {})
      .header('ETag', etag)
      .header('Accept-Ranges', 'bytes')
      .header('Cache-Control', 'private, no-cache')
      .header('X-Content-Type-Options', 'nosniff');

    if (matchesEtag(request.headers['if-none-match'], etag)) return void (await reply.status(304).send());

    const store = this.files.store;
    const countDownload = () => this.limiter.take(options.rateLimitKey ?? principal.actor, 'downloads', reply);
    if (options.redirect && store.presignGet) {
      if (request.method === 'GET') countDownload();
      const url = await store.presignGet(download.storageKey, { expiresInSeconds: PRESIGNED_URL_SECONDS, filename: name });
      if (request.method === 'GET') this.files.recordDownload(principal, download, { redirect: true });
      return void (await reply.redirect(url, 302));
    }

    // A resumed download of a file that changed meanwhile (If-Range no longer matching) starts over.
    const ifRange = request.headers['if-range'];
    let range = ifRange !== undefined && ifRange !== etag ? ({ kind: 'full' } as const) : answerRange(request.headers.range, size);
    if (range.kind === 'unsatisfiable' && size === 0 && options.emptyFileRangeOk) {
      void reply.header('Content-Range', 'bytes */0');
      range = { kind: 'full' };
    }
    if (range.kind === 'unsatisfiable') {
      void reply.header('Content-Range', `bytes */${size}`);
      return sendProblem(reply, problem(416, 'range_not_satisfiable', `The file has ${size} bytes`));
    }
    const partial = range.kind === 'partial' ? range : undefined;
    const length = partial ? partial.end - partial.start + 1 : size;
    const skipBody = request.method === 'HEAD' || length === 0;
    if (!skipBody && !(partial && length <= PROBE_MAX_BYTES)) countDownload();
    // Opened before any header is set, so a storage failure answers a clean 503 problem.
    const body = skipBody ? Readable.from([]) : await this.open(download.storageKey, partial);
    void reply
      .status(partial ? 206 : 200)
      .header('Content-Type', 'application/octet-stream')
      .header(
        'Content-Disposition',
        `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .header('Content-Length', length);
    if (partial) void reply.header('Content-Range', `bytes ${partial.start}-${partial.end}/${size}`);
    // An empty stream, not an empty body: Fastify would otherwise rewrite Content-Length to 0.
    if (skipBody) {
      if (request.method === 'GET') this.files.recordDownload(principal, download, { bytes: 0, complete: true, range: null });
      return void (await reply.send(body));
    }
    finished(reply.raw, (error) => {
      const complete = !error;
      this.files.recordDownload(principal, download, {
        bytes: complete ? length : null,
        complete,
        range: partial ? `${partial.start}-${partial.end}` : null,
      });
    });
    await reply.send(body);
  }

  private async open(key: string, range: { start: number; end: number } | undefined): Promise<Readable> {
    try {
      return await this.files.store.read(key, range);
    } catch (error) {
      if (error instanceof BlobStoreUnavailableError) {
        throw new DomainError('unavailable', 'storage_unavailable', 'Weight storage is unavailable; try again later');
      }
      throw error;
    }
  }
}
