import { ArgumentsHost, Catch, NotFoundException, type ExceptionFilter, type HttpServer } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import fs from 'node:fs';
import path from 'node:path';

/** Paths that belong to the server: a 404 there stays a 404, never the SPA. */
const SERVER_PREFIXES = ['/api', '/webhooks', '/socket.io', '/health'];

interface FastifyLikeRequest {
  method: string;
  url: string;
}
interface FastifyLikeReply {
  header(name: string, value: string): FastifyLikeReply;
  code(status: number): FastifyLikeReply;
  send(body: unknown): void;
}

/** Client-side routes (e.g. /outbox/123) get index.html, so a reload or a shared link works. */
@Catch(NotFoundException)
export class SpaFallbackFilter extends BaseExceptionFilter implements ExceptionFilter {
  private readonly indexHtml: string | null;

  constructor(webRoot: string | null, httpAdapter: HttpServer) {
    super(httpAdapter);
    const file = webRoot ? path.join(webRoot, 'index.html') : null;
    this.indexHtml = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  }

  override catch(exception: NotFoundException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyLikeRequest>();
    const pathname = request.url.split('?')[0];
    const isServerPath = SERVER_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + '/'));
    if (this.indexHtml && request.method === 'GET' && !isServerPath) {
      http.getResponse<FastifyLikeReply>().header('content-type', 'text/html; charset=utf-8').code(200).send(this.indexHtml);
      return;
    }
    super.catch(exception, host);
  }
}
