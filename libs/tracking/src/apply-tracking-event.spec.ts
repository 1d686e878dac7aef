import { MESSAGE_STATUSES, MessageStatus as S, type MessageStatus } from '@bluetick/contracts';
import { applyTrackingEvent } from './apply-tracking-event';
import { buttonReply, frozen, replyEvent, sentMessage, stateWith, statusEvent, t, textReply } from './testing/tracking-fixtures';
import type { TrackingEvent } from './tracking-state';

type EventName = 'sent' | 'delivered' | 'read' | 'failed' | 'reply';

const eventNamed = (name: EventName, at: Date): TrackingEvent =>
  name === 'reply' ? replyEvent(buttonReply('b1', 'Confirm'), at) : statusEvent(name, at, name === 'failed' ? 'boom' : undefined);

/** Written out in full on purpose: the expected result of every (status, event) pair. */
const EXPECTED: Record<MessageStatus, Record<EventName, MessageStatus>> = {
  queued: { sent: S.Sent, delivered: S.Delivered, read: S.Read, failed: S.Failed, reply: S.Replied },
  pending: { sent: S.Sent, delivered: S.Delivered, read: S.Read, failed: S.Failed, reply: S.Replied },
  sent: { sent: S.Sent, delivered: S.Delivered, read: S.Read, failed: S.Failed, reply: S.Replied },
  delivered: { sent: S.Delivered, delivered: S.Delivered, read: S.Read, failed: S.Delivered, reply: S.Replied },
  read: { sent: S.Read, delivered: S.Read, read: S.Read, failed: S.Read, reply: S.Replied },
  failed: { sent: S.Failed, delivered: S.Delivered, read: S.Read, failed: S.Failed, reply: S.Replied },
  replied: { sent: S.Replied, delivered: S.Replied, read: S.Replied, failed: S.Replied, reply: S.Replied },
};

describe('applyTrackingEvent: status precedence', () => {
  const cases = MESSAGE_STATUSES.flatMap((from) =>
    (Object.keys(EXPECTED[from]) as EventName[]).map((event) => [from, event, EXPECTED[from][event]] as const),
  );

  it.each(cases)('%s + %s → %s', (from, event, expected) => {
    const { state } = applyTrackingEvent(frozen(stateWith({ status: from })), eventNamed(event, t(10)));
    expect(state.status).toBe(expected);
  });
});

describe('applyTrackingEvent: times', () => {
  it('stores the time of each status in its own column', () => {
    let state = sentMessage();
    state = applyTrackingEvent(state, statusEvent('delivered', t(5))).state;
    state = applyTrackingEvent(state, statusEvent('read', t(9))).state;
    expect(state).toMatchObject({ status: S.Read, sentAt: t(0), deliveredAt: t(5), readAt: t(9) });
  });

  it('keeps the earliest time when the same status is reported twice', () => {
    const first = applyTrackingEvent(sentMessage(), statusEvent('delivered', t(5))).state;
    const later = applyTrackingEvent(first, statusEvent('delivered', t(8)));
    expect(later.state.deliveredAt).toEqual(t(5));
    expect(later.changed).toBe(false);
    const earlier = applyTrackingEvent(first, statusEvent('delivered', t(3)));
    expect(earlier.state.deliveredAt).toEqual(t(3));
    expect(earlier.changed).toBe(true);
  });

  it('a late delivered after read fills deliveredAt but leaves the status read', () => {
    const read = stateWith({ status: S.Read, sentAt: t(0), readAt: t(9), deliveredAt: null });
    const { state, changed } = applyTrackingEvent(read, statusEvent('delivered', t(4)));
    expect(state).toMatchObject({ status: S.Read, deliveredAt: t(4), readAt: t(9) });
    expect(changed).toBe(true);
  });

  it('read implies delivered: a missing deliveredAt is filled from readAt', () => {
    const { state } = applyTrackingEvent(sentMessage(), statusEvent('read', t(7)));
    expect(state).toMatchObject({ status: S.Read, deliveredAt: t(7), readAt: t(7) });
  });

  it('a delivered reported after the read it preceded moves deliveredAt earlier, never later', () => {
    let state = applyTrackingEvent(sentMessage(), statusEvent('read', t(7))).state;
    state = applyTrackingEvent(state, statusEvent('delivered', t(12))).state;
    expect(state.deliveredAt).toEqual(t(7));
  });

  it('a late sent never revives a failed message but records the earlier sentAt', () => {
    const failed = stateWith({ status: S.Failed, failedAt: t(3), failureReason: 'blocked' });
    const { state } = applyTrackingEvent(failed, statusEvent('sent', t(1)));
    expect(state).toMatchObject({ status: S.Failed, sentAt: t(1), failedAt: t(3), failureReason: 'blocked' });
  });

  it('rejects an invalid date instead of storing it', () => {
    expect(() => applyTrackingEvent(sentMessage(), statusEvent('read', new Date('nope')))).toThrow(RangeError);
  });
});

describe('applyTrackingEvent: failures', () => {
  it('fails a sent message with time and reason', () => {
    const { state } = applyTrackingEvent(sentMessage(), statusEvent('failed', t(4), 'number not on WhatsApp'));
    expect(state).toMatchObject({ status: S.Failed, failedAt: t(4), failureReason: 'number not on WhatsApp' });
  });

  it('after delivery records failedAt and reason without changing the status', () => {
    const delivered = stateWith({ status: S.Delivered, sentAt: t(0), deliveredAt: t(2) });
    const { state, changed } = applyTrackingEvent(delivered, statusEvent('failed', t(6), 'expired'));
    expect(state).toMatchObject({ status: S.Delivered, failedAt: t(6), failureReason: 'expired' });
    expect(changed).toBe(true);
  });

  it('keeps the reason of the earliest failure', () => {
    let state = applyTrackingEvent(sentMessage(), statusEvent('failed', t(6), 'second')).state;
    state = applyTrackingEvent(state, statusEvent('failed', t(4), 'first')).state;
    expect(state).toMatchObject({ failedAt: t(4), failureReason: 'first' });
    state = applyTrackingEvent(state, statusEvent('failed', t(9), 'third')).state;
    expect(state).toMatchObject({ failedAt: t(4), failureReason: 'first' });
  });

  it('an earlier failure brings its own reason, even none; a later one never replaces it', () => {
    const failed = stateWith({ status: S.Failed, failedAt: t(6), failureReason: 'blocked' });
    expect(applyTrackingEvent(failed, statusEvent('failed', t(2), null)).state).toMatchObject({ failedAt: t(2), failureReason: null });
    const reasonless = stateWith({ status: S.Failed, failedAt: t(2), failureReason: null });
    expect(applyTrackingEvent(reasonless, statusEvent('failed', t(6), 'late detail')).state.failureReason).toBeNull();
  });

  it('at the same instant a reason beats none, and the choice does not depend on order', () => {
    const reasonless = stateWith({ status: S.Failed, failedAt: t(2), failureReason: null });
    expect(applyTrackingEvent(reasonless, statusEvent('failed', t(2), 'blocked')).state.failureReason).toBe('blocked');
    const blocked = stateWith({ status: S.Failed, failedAt: t(2), failureReason: 'blocked' });
    expect(applyTrackingEvent(blocked, statusEvent('failed', t(2), null)).changed).toBe(false);
    const expired = stateWith({ status: S.Failed, failedAt: t(2), failureReason: 'expired' });
    expect(applyTrackingEvent(blocked, statusEvent('failed', t(2), 'expired')).state.failureReason).toBe(
      applyTrackingEvent(expired, statusEvent('failed', t(2), 'blocked')).state.failureReason,
    );
  });
});

describe('applyTrackingEvent: replies', () => {
  it('a reply makes the status replied and stores the reply and repliedAt only', () => {
    const { state } = applyTrackingEvent(sentMessage(), replyEvent(buttonReply('b1', 'Confirm'), t(20)));
    expect(state).toMatchObject({ status: S.Replied, repliedAt: t(20), deliveredAt: null, readAt: null });
    expect(state.lastReply).toEqual({ ...buttonReply('b1', 'Confirm'), at: t(20) });
  });

  it('a reply to a failed message proves it arrived: replied', () => {
    const failed = stateWith({ status: S.Failed, failedAt: t(1), failureReason: 'timeout' });
    const { state } = applyTrackingEvent(failed, replyEvent(textReply('hi'), t(5)));
    expect(state).toMatchObject({ status: S.Replied, failedAt: t(1), failureReason: 'timeout' });
  });

  it('replaces the last reply only with a newer one; repliedAt stays the earliest', () => {
    let state = applyTrackingEvent(sentMessage(), replyEvent(buttonReply('b1', 'Confirm'), t(20))).state;
    state = applyTrackingEvent(state, replyEvent(buttonReply('b3', 'Cancel'), t(30))).state;
    expect(state.lastReply).toMatchObject({ id: 'b3', at: t(30) });
    const older = applyTrackingEvent(state, replyEvent(buttonReply('b2', 'Reschedule'), t(25)));
    expect(older.state.lastReply).toMatchObject({ id: 'b3' });
    expect(older.state.repliedAt).toEqual(t(20));
    expect(older.changed).toBe(false);
  });

  it('an older reply arriving late moves repliedAt earlier but keeps the newer last reply', () => {
    let state = applyTrackingEvent(sentMessage(), replyEvent(buttonReply('b3', 'Cancel'), t(30))).state;
    const { state: next, changed } = applyTrackingEvent(state, replyEvent(buttonReply('b1', 'Confirm'), t(20)));
    state = next;
    expect(state).toMatchObject({ repliedAt: t(20), lastReply: { id: 'b3' } });
    expect(changed).toBe(true);
  });

  it('two replies at the same instant keep the same one whatever the order', () => {
    const a = replyEvent(buttonReply('b1', 'Confirm'), t(20));
    const b = replyEvent(buttonReply('b2', 'Reschedule'), t(20));
    const ab = applyTrackingEvent(applyTrackingEvent(sentMessage(), a).state, b).state;
    const ba = applyTrackingEvent(applyTrackingEvent(sentMessage(), b).state, a).state;
    expect(ab.lastReply?.id).toBe(ba.lastReply?.id);
  });

  it('does not alias the event: the stored reply is a new object', () => {
    const reply = buttonReply('b1', 'Confirm');
    const { state } = applyTrackingEvent(sentMessage(), replyEvent(reply, t(20)));
    expect(state.lastReply).not.toBe(reply);
  });
});

describe('applyTrackingEvent: purity and changed', () => {
  it('never mutates its input (frozen state does not throw) and returns a new object', () => {
    const before = frozen(sentMessage());
    const { state } = applyTrackingEvent(before, statusEvent('delivered', t(3)));
    expect(state).not.toBe(before);
    expect(before.status).toBe(S.Sent);
  });

  it.each<[string, TrackingEvent]>([
    ['delivered', statusEvent('delivered', t(3))],
    ['read', statusEvent('read', t(4))],
    ['failed', statusEvent('failed', t(5), 'x')],
    ['reply', replyEvent(textReply('ok'), t(6))],
  ])('re-applying the same %s event changes nothing', (_name, event) => {
    const once = applyTrackingEvent(sentMessage(), event);
    expect(once.changed).toBe(true);
    const twice = applyTrackingEvent(once.state, event);
    expect(twice.changed).toBe(false);
    expect(twice.state).toEqual(once.state);
  });

  it('a sent event equal to the known sentAt changes nothing', () => {
    expect(applyTrackingEvent(sentMessage(), statusEvent('sent', t(0))).changed).toBe(false);
  });
});
