import type { Button, Message, MessageStatus, ReplyType } from '@bluetick/contracts';
import { replyKey, toLastReplyDto, type MessageTrackingState } from '@bluetick/tracking';

/** A bulk_messages row as pg returns it (bigint ids as strings, timestamps as Dates). */
export interface MessageRow {
  id: string;
  message_id: string | null;
  job_id: string;
  channel_id: string;
  phone: string;
  body: string;
  buttons_json: Button[];
  status: MessageStatus;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  replied_at: Date | null;
  failure_reason: string | null;
  last_reply_type: ReplyType | null;
  last_reply_payload_json: unknown;
  last_reply_id: string | null;
  last_reply_title: string | null;
  last_reply_text: string | null;
  last_reply_at: Date | null;
}

export const MESSAGE_COLUMNS = `id, message_id, job_id, channel_id, phone, body, buttons_json, status, sent_at, delivered_at,
  read_at, failed_at, replied_at, failure_reason, last_reply_type, last_reply_payload_json, last_reply_id,
  last_reply_title, last_reply_text, last_reply_at`;

export function trackingStateOf(row: MessageRow): MessageTrackingState {
  return {
    status: row.status,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    readAt: row.read_at,
    failedAt: row.failed_at,
    repliedAt: row.replied_at,
    failureReason: row.failure_reason,
    lastReply:
      row.last_reply_type && row.last_reply_at
        ? {
            type: row.last_reply_type,
            id: row.last_reply_id,
            title: row.last_reply_title,
            text: row.last_reply_text,
            payload: row.last_reply_payload_json,
            at: row.last_reply_at,
          }
        : null,
  };
}

/** The row's tracking columns for a state, in `TRACKING_COLUMNS` order. */
export function trackingColumnsOf(state: MessageTrackingState): unknown[] {
  const reply = state.lastReply;
  return [
    state.status,
    state.sentAt,
    state.deliveredAt,
    state.readAt,
    state.failedAt,
    state.repliedAt,
    state.failureReason,
    reply?.type ?? null,
    reply ? JSON.stringify(reply.payload ?? null) : null,
    reply?.id ?? null,
    reply?.title ?? null,
    reply?.text ?? null,
    reply?.at ?? null,
    replyKey(reply),
  ];
}

export const TRACKING_COLUMNS = [
  ['status', 'text'],
  ['sent_at', 'timestamptz'],
  ['delivered_at', 'timestamptz'],
  ['read_at', 'timestamptz'],
  ['failed_at', 'timestamptz'],
  ['replied_at', 'timestamptz'],
  ['failure_reason', 'text'],
  ['last_reply_type', 'text'],
  ['last_reply_payload_json', 'jsonb'],
  ['last_reply_id', 'text'],
  ['last_reply_title', 'text'],
  ['last_reply_text', 'text'],
  ['last_reply_at', 'timestamptz'],
  ['last_reply_key', 'text'],
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toMessage(row: MessageRow): Message {
  const state = trackingStateOf(row);
  return {
    id: String(row.id),
    messageId: row.message_id,
    phone: row.phone,
    body: row.body,
    buttons: row.buttons_json ?? [],
    status: row.status,
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    readAt: iso(row.read_at),
    failedAt: iso(row.failed_at),
    repliedAt: iso(row.replied_at),
    failureReason: row.failure_reason,
    lastReply: toLastReplyDto(state.lastReply),
  };
}
