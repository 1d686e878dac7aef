import { createHmac } from 'node:crypto';
import { constantTimeBytesEqual } from '../shared/hashing';
import { firstHeader } from '../shared/headers';
import { stringAt } from '../shared/json-reading';
import type { VerifyResult, WebhookRequest } from '../types';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';
const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed by the App Secret>`, as Meta sends it. */
export function signMetaPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyMetaSignature(request: WebhookRequest, config: Record<string, unknown>): VerifyResult {
  const appSecret = stringAt(config, 'appSecret');
  if (!appSecret) return { ok: false, reason: 'the channel has no appSecret configured' };
  const header = firstHeader(request.headers, META_SIGNATURE_HEADER);
  if (!header) return { ok: false, reason: 'missing X-Hub-Signature-256 header' };
  const given = SIGNATURE_FORMAT.exec(header.trim())?.[1];
  if (!given) return { ok: false, reason: 'X-Hub-Signature-256 must be sha256=<64 hex digits>' };
  const expected = createHmac('sha256', appSecret).update(request.rawBody).digest();
  return constantTimeBytesEqual(Buffer.from(given, 'hex'), expected)
    ? { ok: true }
    : { ok: false, reason: 'signature does not match' };
}
