import { ReplyType } from '@bluetick/contracts';
import { contentKey, replyEvent, statusEvent, unrecognizedEvent } from '../shared/canonical-events';
import { arrayAt, recordAt, scalarAt, stringAt, valueAt } from '../shared/json-reading';
import { phoneDigits, withoutIdPrefix } from '../shared/reply-ids';
import { choiceReply, isChoiceType, otherReply, textReply } from '../shared/replies';
import { unixTimeToIso } from '../shared/time';
import { OTHER_INBOUND_KINDS, isTrackedStatus } from '../shared/tracked-statuses';
import type { CanonicalEvent, CanonicalReply } from '../types';

/** Dedupe-key namespace of the spec format (generic and sandbox). */
const KEY_PREFIX = 'spec';

/**
 * The spec's webhook body `{event_id?, messages: [...]}` as canonical events, one per
 * item (an authentic body with nothing usable gives one `unrecognized` event, so it is
 * still logged).
 */
export function normaliseSpecWebhook(body: unknown, deliveryId: string | null): CanonicalEvent[] {
  const items = arrayAt(body, 'messages');
  const eventId = scalarAt(body, 'event_id');
  const events = (items ?? []).map((item, index) => normaliseItem(item, dedupeKey(item, index, eventId, deliveryId)));
  return events.length > 0 ? events : [unrecognizedEvent(contentKey(KEY_PREFIX, body), body)];
}

/**
 * The payload's event_id (+ the item's index) when given; else the delivery's
 * webhook-id (the same on every retry of one delivery); else the item's content.
 */
function dedupeKey(item: unknown, index: number, eventId: string | undefined, deliveryId: string | null): string {
  if (eventId) return `${KEY_PREFIX}:event:${eventId}:${index}`;
  if (deliveryId) return `${KEY_PREFIX}:delivery:${deliveryId}:${index}`;
  return contentKey(KEY_PREFIX, item);
}

function normaliseItem(item: unknown, key: string): CanonicalEvent {
  const type = stringAt(item, 'type');
  const messageId = stringAt(item, 'message_id') ?? null;
  const at = unixTimeToIso(valueAt(item, 'timestamp'));
  if (type === 'status') {
    const status = stringAt(item, 'status');
    if (messageId === null || !isTrackedStatus(status)) return unrecognizedEvent(key, item, messageId);
    return statusEvent({ dedupeKey: key, messageId, status, at, failureReason: specFailureReason(item), raw: item });
  }
  const reply = specReply(item, type);
  if (reply === undefined) return unrecognizedEvent(key, item, messageId);
  return replyEvent({ dedupeKey: key, messageId, at, fromPhone: phoneDigits(stringAt(item, 'from')), reply, raw: item });
}

function specFailureReason(item: unknown): string | null {
  return stringAt(recordAt(item, 'error'), 'message') ?? stringAt(item, 'reason') ?? stringAt(item, 'error') ?? null;
}

function specReply(item: unknown, type: string | undefined): CanonicalReply | undefined {
  if (type === 'reply') {
    const reply = recordAt(item, 'reply');
    const kind = stringAt(reply, 'type');
    if (isChoiceType(kind)) return choiceReply(kind, recordAt(reply, kind), item, withoutIdPrefix);
    return reply === undefined ? undefined : otherReply(kind ?? 'reply', item, null);
  }
  if (type === ReplyType.Text) return textReply(item);
  if (type !== undefined && OTHER_INBOUND_KINDS.has(type)) return otherReply(type, item);
  return undefined;
}
