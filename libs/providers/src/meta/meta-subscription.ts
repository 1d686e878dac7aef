import { constantTimeEqual } from '../shared/hashing';

export type SubscriptionQuery = Record<string, string | string[] | undefined>;
export type SubscriptionResult = { ok: true; challenge: string } | { ok: false; reason: string };

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Meta's GET handshake: `hub.mode=subscribe`, `hub.verify_token` equal to the
 * channel's verifyToken → answer `hub.challenge` as plain text; anything else → 403.
 */
export function verifyMetaSubscription(query: SubscriptionQuery, verifyToken: string): SubscriptionResult {
  const mode = single(query['hub.mode']);
  const token = single(query['hub.verify_token']);
  const challenge = single(query['hub.challenge']);
  if (mode !== 'subscribe') return { ok: false, reason: 'hub.mode must be subscribe' };
  if (!verifyToken || token === undefined || !constantTimeEqual(token, verifyToken)) {
    return { ok: false, reason: 'hub.verify_token does not match' };
  }
  if (!challenge) return { ok: false, reason: 'missing hub.challenge' };
  return { ok: true, challenge };
}
