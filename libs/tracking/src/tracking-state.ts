import { MessageStatus, type ReplyType } from '@bluetick/contracts';

/** The statuses a provider reports for a message it accepted. */
export type TrackedStatus = Extract<MessageStatus, 'sent' | 'delivered' | 'read' | 'failed'>;

/** A customer's reply as tracking keeps it (what `bulk_messages.last_reply_*` hold). */
export interface ReplyContent {
  type: ReplyType;
  id: string | null;
  title: string | null;
  text: string | null;
  /** The provider's raw reply item, for audit and the hover view. */
  payload: unknown;
}

export interface LastReplyState extends ReplyContent {
  at: Date;
}

/** Everything tracking knows about one message: the row's status columns. */
export interface MessageTrackingState {
  status: MessageStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  repliedAt: Date | null;
  failureReason: string | null;
  lastReply: LastReplyState | null;
}

/**
 * One thing that happened to a message. `at` is the provider's time; when a payload has
 * none, the caller passes the time it received the event.
 */
export type TrackingEvent =
  | { kind: 'status'; status: TrackedStatus; at: Date; reason?: string | null }
  | { kind: 'reply'; at: Date; reply: ReplyContent };

/** A new message row: queued, nothing happened yet. */
export function initialTrackingState(): MessageTrackingState {
  return {
    status: MessageStatus.Queued,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    repliedAt: null,
    failureReason: null,
    lastReply: null,
  };
}
