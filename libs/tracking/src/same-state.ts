import { sameTime } from './earliest';
import type { MessageTrackingState } from './tracking-state';

const TIME_FIELDS = ['sentAt', 'deliveredAt', 'readAt', 'failedAt', 'repliedAt'] as const;

/**
 * Whether two states would write the same row. `lastReply` is compared by identity:
 * transitions only replace it with a new object when a different reply wins.
 */
export function sameTrackingState(a: MessageTrackingState, b: MessageTrackingState): boolean {
  return (
    a.status === b.status &&
    a.failureReason === b.failureReason &&
    a.lastReply === b.lastReply &&
    TIME_FIELDS.every((field) => sameTime(a[field], b[field]))
  );
}
