import fc from 'fast-check';
import { MESSAGE_STATUSES, ReplyType, emptyStats, type Button, type MessageStatus, type ReplyCount } from '@bluetick/contracts';
import { applyTrackingEvent } from './apply-tracking-event';
import { applyReplyDelta, initialReplyCounts, replyKey } from './reply-counts';
import { SEND_STEPS, markPending, markQueuedForRetry, markRequeued, markSendFailed, markSent, type SendStep } from './send-transitions';
import { addStats, mergeDeltas, sumStats } from './stats';
import { sentMessage, t } from './testing/tracking-fixtures';
import { trackingDelta } from './tracking-delta';
import { initialTrackingState, type MessageTrackingState, type TrackingEvent } from './tracking-state';

const replyArb = fc.oneof(
  fc.constantFrom('b1', 'b2', 'b3').map((id) => ({ type: ReplyType.ButtonsReply, id, title: id.toUpperCase(), text: null, payload: null })),
  fc.constantFrom('r1', 'r2').map((id) => ({ type: ReplyType.ListReply, id, title: id, text: null, payload: null })),
  fc
    .tuple(fc.constantFrom('ok', 'yes'), fc.constantFrom('in1', 'in2'))
    .map(([text, id]) => ({ type: ReplyType.Text, id: null, title: null, text, payload: { id } })),
  fc.constant({ type: ReplyType.Other, id: null, title: 'image', text: null, payload: null }),
);

const eventAt = (at: Date): fc.Arbitrary<TrackingEvent> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('status' as const),
      status: fc.constantFrom('sent' as const, 'delivered' as const, 'read' as const, 'failed' as const),
      at: fc.constant(at),
      reason: fc.option(fc.constantFrom('blocked', 'expired'), { nil: null }),
    }),
    fc.record({ kind: fc.constant('reply' as const), at: fc.constant(at), reply: replyArb }),
  );

/** Events at distinct times (1..10^6 s after the message was sent), so "sorted by time" is one order. */
const eventsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 12 })
  .chain((seconds) => fc.tuple(...seconds.map((s) => eventAt(t(s)))))
  .map((events) => events as TrackingEvent[]);

const applyAll = (events: readonly TrackingEvent[], start = sentMessage()) =>
  events.reduce((state, event) => applyTrackingEvent(state, event).state, start);

const byTime = (a: TrackingEvent, b: TrackingEvent) => a.at.getTime() - b.at.getTime();

const earliestOf = (events: readonly TrackingEvent[], match: (e: TrackingEvent) => boolean): Date | null => {
  const times = events.filter(match).map((e) => e.at.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
};

describe('tracking properties', () => {
  it('any arrival order ends in the same state as applying the events sorted by time', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))),
        ([events, shuffled]) => {
          expect(applyAll(shuffled)).toEqual(applyAll([...events].sort(byTime)));
        },
      ),
    );
  });

  it('two arrival orders agree even when events share a time (ties are broken by content)', () => {
    const simultaneous = fc
      .array(fc.integer({ min: 1, max: 3 }), { maxLength: 10 })
      .chain((seconds) => fc.tuple(...seconds.map((s) => eventAt(t(s)))))
      .map((events) => events as TrackingEvent[]);
    fc.assert(
      fc.property(
        simultaneous.chain((events) =>
          fc.tuple(fc.shuffledSubarray(events, { minLength: events.length }), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([one, other]) => {
          expect(applyAll(one)).toEqual(applyAll(other));
        },
      ),
    );
  });

  it('every *_at is the earliest reported time; read fills deliveredAt; the last reply is the newest', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const state = applyAll(events, initialTrackingState());
        const isStatus = (status: string) => (e: TrackingEvent) => e.kind === 'status' && e.status === status;
        expect(state.sentAt).toEqual(earliestOf(events, isStatus('sent')));
        expect(state.readAt).toEqual(earliestOf(events, isStatus('read')));
        expect(state.failedAt).toEqual(earliestOf(events, isStatus('failed')));
        expect(state.deliveredAt).toEqual(earliestOf(events, (e) => isStatus('delivered')(e) || isStatus('read')(e)));
        expect(state.repliedAt).toEqual(earliestOf(events, (e) => e.kind === 'reply'));
        const replies = events.filter((e) => e.kind === 'reply').sort(byTime);
        const newest = replies[replies.length - 1];
        expect(state.lastReply?.at ?? null).toEqual(newest?.at ?? null);
      }),
    );
  });

  it('re-applying any event already applied changes nothing (idempotent)', () => {
    fc.assert(
      fc.property(eventsArb.filter((events) => events.length > 0), fc.nat(), (events, pick) => {
        const state = applyAll(events);
        expect(applyTrackingEvent(state, events[pick % events.length]!).changed).toBe(false);
      }),
    );
  });
});

type WalkStep = { index: number } & ({ kind: 'event'; event: TrackingEvent } | { kind: 'send'; step: SendStep });

const BUTTONS: Button[] = [
  { id: 'b1', title: 'Confirm' },
  { id: 'b2', title: 'Reschedule' },
];

const walkStepArb = (size: number): fc.Arbitrary<WalkStep> =>
  fc.oneof(
    fc.record({
      index: fc.nat({ max: size - 1 }),
      kind: fc.constant('event' as const),
      event: fc.integer({ min: 1, max: 1_000 }).chain((s) => eventAt(t(s))),
    }),
    fc.record({
      index: fc.nat({ max: size - 1 }),
      kind: fc.constant('send' as const),
      step: fc.constantFrom<SendStep>('claim', 'requeue', 'sent', 'sendFailed', 'retry'),
    }),
  );

function sendStep(state: MessageTrackingState, step: SendStep): MessageTrackingState {
  switch (step) {
    case 'claim':
      return markPending(state);
    case 'requeue':
      return markRequeued(state);
    case 'sent':
      return markSent(state, t(0));
    case 'sendFailed':
      return markSendFailed(state, t(0), 'refused');
    case 'retry':
      return markQueuedForRetry(state);
  }
}

const groupByStatus = (states: readonly MessageTrackingState[]) => {
  const stats = emptyStats();
  for (const state of states) stats[state.status] += 1;
  return stats;
};

const recountReplies = (states: readonly MessageTrackingState[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const state of states) {
    const key = replyKey(state.lastReply);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

describe('counter properties', () => {
  it('deltas over a random walk keep the stats a partition equal to GROUP BY status, and the reply breakdown exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((size) => fc.tuple(fc.constant(size), fc.array(walkStepArb(size), { maxLength: 60 }))),
        ([size, walk]) => {
          const states = Array.from({ length: size }, initialTrackingState);
          let stats = addStats(emptyStats(), { queued: size });
          let replies: ReplyCount[] = initialReplyCounts(BUTTONS);
          for (const step of walk) {
            const before = states[step.index]!;
            if (step.kind === 'send' && !(SEND_STEPS[step.step].from as readonly MessageStatus[]).includes(before.status)) continue;
            const after = step.kind === 'send' ? sendStep(before, step.step) : applyTrackingEvent(before, step.event).state;
            states[step.index] = after;
            const delta = trackingDelta(before, after);
            stats = addStats(stats, mergeDeltas([delta.stats]));
            replies = applyReplyDelta(replies, delta.replies, BUTTONS);

            expect(sumStats(stats)).toBe(size);
            for (const status of MESSAGE_STATUSES) expect(stats[status]).toBeGreaterThanOrEqual(0);
          }
          expect(stats).toEqual(groupByStatus(states));
          const expected = recountReplies(states);
          for (const bar of replies) expect(bar.count).toBe(expected.get(bar.key) ?? 0);
          expect(replies.filter((bar) => bar.count > 0).length).toBe(expected.size);
        },
      ),
    );
  });
});
