import { randomBytes } from 'node:crypto';
import { signMetaPayload, signStandardWebhook } from '@bluetick/providers';
import { request, type HttpResult } from './http';

/** POSTs `body` to a webhook URL signed per Standard Webhooks (generic and sandbox channels). */
export function postSigned(url: string, secret: string, body: unknown, options: { timestamp?: Date; id?: string } = {}): Promise<HttpResult> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = signStandardWebhook({ secret, id: options.id ?? `msg_${randomBytes(8).toString('hex')}`, timestamp: options.timestamp ?? new Date(), body: raw });
  return postRaw(url, raw, { ...headers, 'content-type': 'application/json' });
}

/** POSTs `body` signed like Meta (X-Hub-Signature-256 keyed by the app secret). */
export function postMetaSigned(url: string, appSecret: string, body: unknown): Promise<HttpResult> {
  const raw = JSON.stringify(body);
  return postRaw(url, raw, { 'x-hub-signature-256': signMetaPayload(raw, appSecret), 'content-type': 'application/json' });
}

export function postRaw(url: string, raw: string | Buffer, headers: Record<string, string>): Promise<HttpResult> {
  const { origin, pathname, search } = new URL(url);
  return request(origin, 'POST', pathname + search, { raw, headers });
}

/** A test app's public URL (http://bluetick.test/…) mapped onto where it really listens. */
export const onApp = (baseUrl: string, publicUrl: string) => baseUrl + new URL(publicUrl).pathname;
