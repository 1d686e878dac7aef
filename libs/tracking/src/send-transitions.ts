import { MessageStatus } from '@bluetick/contracts';
import { assertValidDate } from './earliest';
import { initialTrackingState, type MessageTrackingState } from './tracking-state';

/** The send pipeline's own steps, and the statuses each may start from. */
export const SEND_STEPS = {
  /** A sender claimed the queued row and is about to call the provider. */
  claim: { from: [MessageStatus.Queued], to: MessageStatus.Pending },
  /** The request never left or was refused for now (rate limit): back in the queue. */
  requeue: { from: [MessageStatus.Pending], to: MessageStatus.Queued },
  /** The provider accepted it and returned a message_id. */
  sent: { from: [MessageStatus.Pending], to: MessageStatus.Sent },
  /** The provider refused it, or its outcome is unknown (never re-sent automatically). */
  sendFailed: { from: [MessageStatus.Queued, MessageStatus.Pending], to: MessageStatus.Failed },
  /** Retry-failed: a failed message starts over and will get a new message_id. */
  retry: { from: [MessageStatus.Failed], to: MessageStatus.Queued },
} as const satisfies Record<string, { from: readonly MessageStatus[]; to: MessageStatus }>;

export type SendStep = keyof typeof SEND_STEPS;

/** A send step asked of a message in a status it cannot start from: a bug in the caller. */
export class TrackingTransitionError extends Error {
  constructor(
    readonly step: SendStep,
    readonly from: MessageStatus,
  ) {
    super(`cannot ${step} a message that is ${from}; allowed from: ${SEND_STEPS[step].from.join(', ')}`);
    this.name = 'TrackingTransitionError';
  }
}

function assertStep(step: SendStep, state: MessageTrackingState): void {
  if (!(SEND_STEPS[step].from as readonly MessageStatus[]).includes(state.status)) {
    throw new TrackingTransitionError(step, state.status);
  }
}

export function markPending(state: MessageTrackingState): MessageTrackingState {
  assertStep('claim', state);
  return { ...state, status: SEND_STEPS.claim.to };
}

export function markRequeued(state: MessageTrackingState): MessageTrackingState {
  assertStep('requeue', state);
  return { ...state, status: SEND_STEPS.requeue.to };
}

export function markSent(state: MessageTrackingState, sentAt: Date): MessageTrackingState {
  assertStep('sent', state);
  assertValidDate(sentAt, 'sentAt');
  return { ...state, status: SEND_STEPS.sent.to, sentAt };
}

export function markSendFailed(state: MessageTrackingState, failedAt: Date, reason: string): MessageTrackingState {
  assertStep('sendFailed', state);
  assertValidDate(failedAt, 'failedAt');
  return { ...state, status: SEND_STEPS.sendFailed.to, failedAt, failureReason: reason };
}

/**
 * Back to a fresh queued row. A failed message has no delivery, read or reply (any of
 * those outranks `failed`), so clearing sentAt, failedAt and the reason is all there is.
 */
export function markQueuedForRetry(state: MessageTrackingState): MessageTrackingState {
  assertStep('retry', state);
  return initialTrackingState();
}
