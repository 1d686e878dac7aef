import { ArgumentsHost, Catch, NotFoundException, type ExceptionFilter, type HttpServer } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import fs from 'node:fs';
import path from 'node:path';

/** Paths that belong to the server: a 404 there stays a 404, never the SPA. */
const SERVER_PREFIXES = ['/api', '/webhooks', '/socket.io', '/health'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

interface FastifyLikeRequest {
  method: string;
  url: string;
}
interface FastifyLikeReply {
  header(name: string, value: string): FastifyLikeReply;
  code(status: number): FastifyLikeReply;
  send(body: unknown): void;
}

/**
 * Serves the built SPA from what would otherwise be a 404: its files, and index.html
 * for client-side routes (e.g. /outbox/123) so a reload or a shared link works.
 * Vite's hashed /assets/ files are cached for good; index.html never is.
 */
@Catch(NotFoundException)
export class SpaFallbackFilter extends BaseExceptionFilter implements ExceptionFilter {
  private readonly root: string | null;
  private readonly indexHtml: Buffer | null;

  constructor(webRoot: string | null, httpAdapter: HttpServer) {
    super(httpAdapter);
    this.root = webRoot ? path.resolve(webRoot) : null;
    const index = this.root ? path.join(this.root, 'index.html') : null;
    this.indexHtml = index && fs.existsSync(index) ? fs.readFileSync(index) : null;
  }

  override catch(exception: NotFoundException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyLikeRequest>();
    const pathname = decodeURIComponent(request.url.split('?')[0]);
    const isServerPath = SERVER_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + '/'));
    if (!this.root || !this.indexHtml || request.method !== 'GET' || isServerPath) return super.catch(exception, host);
    const reply = http.getResponse<FastifyLikeReply>();
    const file = this.assetFile(pathname);
    if (file) {
      reply.header('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
      if (pathname.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.code(200).send(fs.readFileSync(file));
    }
    if (path.extname(pathname)) return super.catch(exception, host);
    reply.header('content-type', CONTENT_TYPES['.html']).header('cache-control', 'no-cache').code(200).send(this.indexHtml);
  }

  /** The file under the web root for a path, never outside it. */
  private assetFile(pathname: string): string | null {
    const file = path.resolve(this.root!, '.' + pathname);
    if (!file.startsWith(this.root! + path.sep)) return null;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  }
}
