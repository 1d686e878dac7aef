import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface RawBodyRequest {
  rawBody?: Buffer;
}

const isWebhook = (req: FastifyRequest) => req.url.startsWith('/webhooks/');
const tooLarge = () => new PayloadTooLargeException('The body is over 1 MiB: send fewer events per request');

/**
 * Keeps every body's raw bytes (webhook signatures are over them) and caps webhook
 * bodies at 1 MiB. JSON is parsed here; a webhook body of another type arrives as
 * a Buffer so its handler can answer 400 with a clear reason.
 */
export function installBodyParsers(fastify: FastifyInstance): void {
  const capture = (req: FastifyRequest, body: Buffer): boolean => {
    (req as FastifyRequest & RawBodyRequest).rawBody = body;
    return isWebhook(req) && body.length > WEBHOOK_BODY_LIMIT;
  };
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    if (capture(req, body)) return done(tooLarge());
    // Webhook handlers verify and parse the raw bytes themselves: parsing here would be twice.
    if (body.length === 0 || isWebhook(req)) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new BadRequestException('The body is not valid JSON'));
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    done(capture(req, body) ? tooLarge() : null, body);
  });
}
