/**
 * Every message status, in the order the Stats pills show them.
 * `failed` is listed before `replied` for display only: it stands apart from the
 * forward order (see libs/tracking).
 */
export const MESSAGE_STATUSES = ['queued', 'pending', 'sent', 'delivered', 'read', 'failed', 'replied'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MessageStatus = {
  Queued: 'queued',
  Pending: 'pending',
  Sent: 'sent',
  Delivered: 'delivered',
  Read: 'read',
  Failed: 'failed',
  Replied: 'replied',
} as const satisfies Record<string, MessageStatus>;

/** Per-job counters: a partition of the job's total, one key per status. */
export type JobStats = Record<MessageStatus, number>;

export function emptyStats(): JobStats {
  return { queued: 0, pending: 0, sent: 0, delivered: 0, read: 0, failed: 0, replied: 0 };
}

export const STATUS_LABELS: Record<MessageStatus, string> = {
  queued: 'Queued',
  pending: 'Pending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  replied: 'Replied',
};
