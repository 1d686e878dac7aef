import { MessageStatus } from '@bluetick/contracts';
import { assertValidDate, earliest } from './earliest';
import { newerReply } from './last-reply';
import { sameTrackingState } from './same-state';
import { winningStatus } from './status-precedence';
import type { MessageTrackingState, TrackedStatus, TrackingEvent } from './tracking-state';

type StatusEvent = Extract<TrackingEvent, { kind: 'status' }>;
type ReplyEvent = Extract<TrackingEvent, { kind: 'reply' }>;

/** Which time column each reported status fills. */
const TIME_FIELD_OF: Readonly<Record<TrackedStatus, 'sentAt' | 'deliveredAt' | 'readAt' | 'failedAt'>> = {
  [MessageStatus.Sent]: 'sentAt',
  [MessageStatus.Delivered]: 'deliveredAt',
  [MessageStatus.Read]: 'readAt',
  [MessageStatus.Failed]: 'failedAt',
};

export interface TrackingResult {
  state: MessageTrackingState;
  /** False when the event added nothing (a duplicate, or older than what is known). */
  changed: boolean;
}

/**
 * Applies one provider event to a message. Pure: returns a new state, never mutates
 * `state`. The result does not depend on the order events arrive in.
 */
export function applyTrackingEvent(state: MessageTrackingState, event: TrackingEvent): TrackingResult {
  assertValidDate(event.at, 'event.at');
  const next = event.kind === 'status' ? withStatus(state, event) : withReply(state, event);
  return { state: next, changed: !sameTrackingState(state, next) };
}

function withStatus(state: MessageTrackingState, event: StatusEvent): MessageTrackingState {
  const field = TIME_FIELD_OF[event.status];
  const next: MessageTrackingState = { ...state, status: winningStatus(state.status, event.status) };
  next[field] = earliest(state[field], event.at);
  if (event.status === MessageStatus.Failed) next.failureReason = failureReasonAfter(state, event);
  // A read implies delivery no later than the read (Meta may never send `delivered`).
  next.deliveredAt = earliest(next.deliveredAt, next.readAt);
  return next;
}

/**
 * The reason is the earliest failure's (failedAt and failureReason describe one report).
 * At the same instant a reason beats none, then the smaller text wins, so the result
 * does not depend on arrival order.
 */
function failureReasonAfter(state: MessageTrackingState, event: StatusEvent): string | null {
  const reason = event.reason ?? null;
  if (state.failedAt === null) return reason;
  const byTime = event.at.getTime() - state.failedAt.getTime();
  if (byTime !== 0) return byTime < 0 ? reason : state.failureReason;
  if (state.failureReason === null || reason === null) return state.failureReason ?? reason;
  return reason < state.failureReason ? reason : state.failureReason;
}

function withReply(state: MessageTrackingState, event: ReplyEvent): MessageTrackingState {
  return {
    ...state,
    status: winningStatus(state.status, MessageStatus.Replied),
    repliedAt: earliest(state.repliedAt, event.at),
    lastReply: newerReply(state.lastReply, { ...event.reply, at: event.at }),
  };
}
