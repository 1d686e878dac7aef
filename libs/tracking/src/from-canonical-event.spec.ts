import { MessageStatus, ReplyType } from '@bluetick/contracts';
import { toTrackingEvent } from './from-canonical-event';
import { t } from './testing/tracking-fixtures';

const received = t(100);

describe('toTrackingEvent', () => {
  it('maps a status with the provider time and reason', () => {
    expect(
      toTrackingEvent(
        { type: 'status', status: MessageStatus.Failed, at: '2025-10-29T12:00:05.000Z', failureReason: 'blocked' },
        received,
      ),
    ).toEqual({ kind: 'status', status: MessageStatus.Failed, at: t(5), reason: 'blocked' });
  });

  it('uses the receive time when the payload had none (or an unreadable one)', () => {
    const reply = { type: ReplyType.Text, id: null, title: null, text: 'ok', payload: {} };
    expect(toTrackingEvent({ type: 'reply', at: null, reply }, received)).toEqual({ kind: 'reply', at: received, reply });
    expect(toTrackingEvent({ type: 'status', status: MessageStatus.Read, at: 'garbage' }, received)).toMatchObject({ at: received });
  });

  it('is null for ignored and unrecognized events', () => {
    expect(toTrackingEvent({ type: 'ignored', at: null }, received)).toBeNull();
    expect(toTrackingEvent({ type: 'unrecognized', at: null }, received)).toBeNull();
  });
});
