import { MessageStatus, ReplyType } from '@bluetick/contracts';
import { contentKey, ignoredEvent, replyEvent, unrecognizedEvent } from '../shared/canonical-events';
import { arrayAt, isRecord, recordAt, stringAt, valueAt } from '../shared/json-reading';
import { choiceReply, isChoiceType, otherReply, textReply } from '../shared/replies';
import { phoneDigits, withoutIdPrefix } from '../shared/reply-ids';
import { unixTimeToIso } from '../shared/time';
import { statusItemEvent, type StatusItemRules } from '../shared/status-items';
import type { CanonicalEvent, CanonicalReply } from '../types';

const KEY_PREFIX = 'whapi';

const STATUS_RULES: StatusItemRules = {
  prefix: KEY_PREFIX,
  // `pending` precedes our own `sent`; `played` is for voice notes.
  ignored: new Set<string>([MessageStatus.Pending, 'played']),
  failureReason: whapiFailureReason,
};
/** Message kinds that are not a customer's answer (edits, deletions, system notices). */
const IGNORED_TYPES = new Set(['action', 'system']);

/** `statuses[]` and `messages[]` of a Whapi webhook as canonical events. */
export function normaliseWhapiWebhook(body: unknown): CanonicalEvent[] {
  const events = [
    ...(arrayAt(body, 'statuses') ?? []).map((item) => statusItemEvent(item, STATUS_RULES)),
    ...(arrayAt(body, 'messages') ?? []).map(messageItemEvent),
  ];
  return events.length > 0 ? events : [unrecognizedEvent(contentKey(KEY_PREFIX, body), body)];
}

/** Whapi's failure detail, where it gives one. */
function whapiFailureReason(item: unknown): string | null {
  const error = arrayAt(item, 'errors')?.[0] ?? recordAt(item, 'error');
  return stringAt(error, 'details') ?? stringAt(error, 'message') ?? stringAt(item, 'reason') ?? null;
}

function messageItemEvent(item: unknown): CanonicalEvent {
  const id = stringAt(item, 'id');
  if (!id || !isRecord(item)) return unrecognizedEvent(contentKey(KEY_PREFIX, item), item);
  const dedupeKey = `${KEY_PREFIX}:msg:${id}`;
  const chatId = stringAt(item, 'chat_id');
  const type = stringAt(item, 'type') ?? 'unknown';
  // Our own send echoed back: its id is our message id, kept for the event log.
  if (valueAt(item, 'from_me') === true) return ignoredEvent(dedupeKey, item, id);
  // Group chats are not a recipient's reply.
  if (chatId?.endsWith('@g.us') || IGNORED_TYPES.has(type)) return ignoredEvent(dedupeKey, item);
  return replyEvent({
    dedupeKey,
    messageId: stringAt(recordAt(item, 'context'), 'quoted_id') ?? null,
    at: unixTimeToIso(valueAt(item, 'timestamp')),
    fromPhone: phoneDigits(stringAt(item, 'from')) ?? phoneDigits(chatId),
    reply: whapiReply(item, type),
    raw: item,
  });
}

/** `type: reply` carries `reply.buttons_reply` / `reply.list_reply` with ids like "ButtonsV3:b1". */
function whapiReply(item: Record<string, unknown>, type: string): CanonicalReply {
  if (type === ReplyType.Text) return textReply(item);
  const reply = recordAt(item, 'reply');
  const kind = stringAt(reply, 'type');
  if (type === 'reply' && isChoiceType(kind)) return choiceReply(kind, recordAt(reply, kind), item, withoutIdPrefix);
  return otherReply(type, item);
}
