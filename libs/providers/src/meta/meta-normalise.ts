import { contentKey, ignoredEvent, replyEvent, unrecognizedEvent } from '../shared/canonical-events';
import { arrayAt, isRecord, recordAt, stringAt, valueAt } from '../shared/json-reading';
import { phoneDigits } from '../shared/reply-ids';
import { unixTimeToIso } from '../shared/time';
import { statusItemEvent, type StatusItemRules } from '../shared/status-items';
import type { CanonicalEvent } from '../types';
import { metaInbound } from './meta-inbound-reply';

const KEY_PREFIX = 'meta';

const STATUS_RULES: StatusItemRules = {
  prefix: KEY_PREFIX,
  // Voice notes being played: our messages are text.
  ignored: new Set(['played']),
  failureReason: metaFailureReason,
};

/**
 * Every status and inbound message of every entry and change (up to 1000 per POST).
 * Meta has no event id: statuses dedupe on (message id, status), inbound messages on
 * their own id. Changes of other fields, and other objects, are `unrecognized`.
 */
export function normaliseMetaWebhook(body: unknown): CanonicalEvent[] {
  if (stringAt(body, 'object') !== 'whatsapp_business_account') return [unrecognizedEvent(contentKey(KEY_PREFIX, body), body)];
  const events: CanonicalEvent[] = [];
  for (const entry of arrayAt(body, 'entry') ?? []) {
    for (const change of arrayAt(entry, 'changes') ?? []) {
      const value = recordAt(change, 'value');
      if (stringAt(change, 'field') !== 'messages' || !value) {
        events.push(unrecognizedEvent(contentKey(KEY_PREFIX, change), change));
        continue;
      }
      const account = stringAt(recordAt(value, 'metadata'), 'phone_number_id') ?? null;
      const inChange = [
        ...(arrayAt(value, 'statuses') ?? []).map((item) => statusItemEvent(item, STATUS_RULES)),
        ...(arrayAt(value, 'messages') ?? []).map(messageItemEvent),
        ...(arrayAt(value, 'errors') ?? []).map((error) => unrecognizedEvent(contentKey(KEY_PREFIX, error), error)),
      ];
      events.push(...inChange.map((event) => ({ ...event, providerAccountId: account })));
    }
  }
  return events.length > 0 ? events : [unrecognizedEvent(contentKey(KEY_PREFIX, body), body)];
}

/** The useful text sits in `errors[].error_data.details`; fall back to message, then title. */
function metaFailureReason(item: unknown): string | null {
  const error = arrayAt(item, 'errors')?.[0];
  return stringAt(recordAt(error, 'error_data'), 'details') ?? stringAt(error, 'message') ?? stringAt(error, 'title') ?? null;
}

function messageItemEvent(item: unknown): CanonicalEvent {
  const id = stringAt(item, 'id');
  if (!id || !isRecord(item)) return unrecognizedEvent(contentKey(KEY_PREFIX, item), item);
  const dedupeKey = `${KEY_PREFIX}:msg:${id}`;
  const inbound = metaInbound(item);
  if (inbound.kind === 'ignored') return ignoredEvent(dedupeKey, item);
  return replyEvent({
    dedupeKey,
    // A free-text reply may have no context: the API then matches by phone.
    messageId: inbound.messageId ?? stringAt(recordAt(item, 'context'), 'id') ?? null,
    at: unixTimeToIso(valueAt(item, 'timestamp')),
    fromPhone: phoneDigits(stringAt(item, 'from')),
    reply: inbound.reply,
    raw: item,
  });
}
