import { Controller, Delete, Get, HttpCode, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validParam, validQuery } from '../http/zod.pipe.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import { FileSender } from './file-sender.js';
import { downloadQuery, fileView, type FileView } from './file.schemas.js';
import { FileService } from './file.service.js';

/** The file path is everything after /files/, slashes included. */
const filePath = validParam('path', z.string().max(4000));

const ApiFilePath = () => ApiParam({ name: 'path', description: 'File path inside the version, "/"-separated' });

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly files: FileService,
    private readonly sender: FileSender,
  ) {}

  @Get(`${VERSION_ROUTE}/files`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, "The version's files by path", pageOf(fileView))
  @ApiProblems(400, 404)
  async list(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef): Promise<Page<FileView>> {
    return { items: await this.files.list(principal, ref), nextCursor: null };
  }

  @Put(`${VERSION_ROUTE}/files/*`)
  @RequireRole('publisher')
  @ApiVersionParams()
  @ApiFilePath()
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The file bytes, streamed', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-Checksum-Sha256', required: false, description: 'Expected sha256 (hex); a mismatch keeps nothing' })
  @ApiJsonResponse(201, 'Stored (200 when it replaced the file at this path)', fileView)
  @ApiProblems(400, 403, 404, 409, 413, 503, 507)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Param('*', filePath) path: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const length = request.headers['content-length'];
    const checksum = request.headers['x-checksum-sha256'];
    const { file, created } = await this.files.upload(principal, ref, path, request.raw, {
      contentLength: length === undefined ? undefined : Number(length),
      checksum: typeof checksum === 'string' ? checksum.toLowerCase() : undefined,
    });
    await reply.status(created ? 201 : 200).send(file);
  }

  @Delete(`${VERSION_ROUTE}/files/*`)
  @HttpCode(204)
  @RequireRole('publisher')
  @ApiVersionParams()
  @ApiFilePath()
  @ApiJsonResponse(204, 'Deleted from the draft')
  @ApiProblems(400, 403, 404, 409)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Param('*', filePath) path: string,
  ): Promise<void> {
    await this.files.delete(principal, ref, path);
  }

  @Get(`${VERSION_ROUTE}/files/*`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiFilePath()
  @ApiQueryParams(downloadQuery)
  @ApiHeader({ name: 'Range', required: false, description: 'One byte range, e.g. bytes=0-1023' })
  @ApiJsonResponse(200, 'The bytes; ETag is the sha256, Accept-Ranges: bytes')
  @ApiJsonResponse(206, 'The requested range')
  @ApiJsonResponse(302, 'Redirect to a presigned URL (S3 storage, ?redirect=1 or VETTED_DOWNLOAD_REDIRECT)')
  @ApiJsonResponse(304, 'Not modified (If-None-Match)')
  @ApiProblems(400, 404, 416, 503)
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Param('*', filePath) path: string,
    @Query(validQuery(downloadQuery)) query: z.output<typeof downloadQuery>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const download = await this.files.prepareDownload(principal, ref, path);
    const redirect = query.redirect === undefined ? this.config.downloadRedirect : query.redirect === '1' || query.redirect === 'true';
    await this.sender.send(request, reply, principal, download, { redirect });
  }
}
