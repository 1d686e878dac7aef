import { MESSAGE_STATUSES, MessageStatus as S, type MessageStatus } from '@bluetick/contracts';
import {
  TrackingTransitionError,
  markPending,
  markQueuedForRetry,
  markRequeued,
  markSendFailed,
  markSent,
  type SendStep,
} from './send-transitions';
import { frozen, stateWith, t } from './testing/tracking-fixtures';
import { initialTrackingState, type MessageTrackingState } from './tracking-state';

const RUN: Record<SendStep, (state: MessageTrackingState) => MessageTrackingState> = {
  claim: markPending,
  requeue: markRequeued,
  sent: (state) => markSent(state, t(1)),
  sendFailed: (state) => markSendFailed(state, t(1), 'HTTP 400: invalid recipient'),
  retry: markQueuedForRetry,
};

/** Written out: the statuses each step may start from, and where it leads. */
const ALLOWED: Record<SendStep, { from: MessageStatus[]; to: MessageStatus }> = {
  claim: { from: [S.Queued], to: S.Pending },
  requeue: { from: [S.Pending], to: S.Queued },
  sent: { from: [S.Pending], to: S.Sent },
  sendFailed: { from: [S.Queued, S.Pending], to: S.Failed },
  retry: { from: [S.Failed], to: S.Queued },
};

const cases = (Object.keys(ALLOWED) as SendStep[]).flatMap((step) =>
  MESSAGE_STATUSES.map((from) => [step, from, ALLOWED[step].from.includes(from)] as const),
);

describe('send-side transitions', () => {
  it.each(cases)('%s from %s allowed: %s', (step, from, allowed) => {
    const state = frozen(stateWith({ status: from }));
    if (allowed) {
      expect(RUN[step](state).status).toBe(ALLOWED[step].to);
    } else {
      expect(() => RUN[step](state)).toThrow(TrackingTransitionError);
    }
  });

  it('markSent records sentAt', () => {
    expect(markSent(stateWith({ status: S.Pending }), t(3))).toMatchObject({ status: S.Sent, sentAt: t(3) });
  });

  it('markSendFailed records failedAt and the reason', () => {
    expect(markSendFailed(stateWith({ status: S.Pending }), t(3), 'timeout after the request left')).toMatchObject({
      status: S.Failed,
      failedAt: t(3),
      failureReason: 'timeout after the request left',
    });
  });

  it('retry of a failed message clears sentAt, failedAt and the reason', () => {
    const failed = stateWith({ status: S.Failed, sentAt: t(1), failedAt: t(2), failureReason: 'blocked' });
    expect(markQueuedForRetry(failed)).toEqual(initialTrackingState());
  });

  it('the error names the step, the status and what is allowed', () => {
    expect(() => markSent(stateWith({ status: S.Read }), t(1))).toThrow('cannot sent a message that is read; allowed from: pending');
    try {
      markPending(stateWith({ status: S.Sent }));
    } catch (error) {
      expect(error).toMatchObject({ step: 'claim', from: S.Sent });
    }
  });

  it('rejects an invalid date', () => {
    expect(() => markSent(stateWith({ status: S.Pending }), new Date(Number.NaN))).toThrow(RangeError);
  });
});
