import { constantTimeEqual } from '../shared/hashing';
import { firstHeader } from '../shared/headers';
import { stringAt } from '../shared/json-reading';
import type { VerifyResult, WebhookRequest } from '../types';

const withoutBearer = (value: string): string => value.trim().replace(/^bearer\s+/i, '');

/**
 * Whapi does not sign webhooks: the secret key in the URL authenticates them, plus,
 * when the admin set one, the `Authorization` value Whapi sends (with or without
 * "Bearer "), compared in constant time.
 */
export function verifyWhapiAuthorization(request: WebhookRequest, config: Record<string, unknown>): VerifyResult {
  const expected = stringAt(config, 'webhookAuthorization');
  if (!expected) return { ok: true };
  const given = firstHeader(request.headers, 'authorization');
  if (!given) return { ok: false, reason: 'missing Authorization header' };
  return constantTimeEqual(withoutBearer(given), withoutBearer(expected))
    ? { ok: true }
    : { ok: false, reason: 'Authorization header does not match' };
}
