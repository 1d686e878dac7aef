import { replyDelta, type ReplyCountDelta } from './reply-counts';
import { statsDelta, type StatsDelta } from './stats';
import type { MessageTrackingState } from './tracking-state';

export interface TrackingDelta {
  stats: StatsDelta;
  replies: ReplyCountDelta[];
}

/**
 * Counter changes for one message going `before` → `after` (null: the row did not or
 * no longer exists), so callers never derive one without the other.
 */
export function trackingDelta(before: MessageTrackingState | null, after: MessageTrackingState | null): TrackingDelta {
  return {
    stats: statsDelta(before?.status ?? null, after?.status ?? null),
    replies: replyDelta(before?.lastReply ?? null, after?.lastReply ?? null),
  };
}
