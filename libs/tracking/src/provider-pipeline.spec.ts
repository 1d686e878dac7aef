// Test-only use of @bluetick/providers: proves its CanonicalEvent fits CanonicalEventLike,
// and walks the pure part of the webhook pipeline end to end.
import { MessageStatus, ProviderKind, ReplyType, emptyStats } from '@bluetick/contracts';
import { buildSpecReplyPayload, buildSpecStatusPayload, getProviderAdapter, type CanonicalEvent } from '@bluetick/providers';
import { applyTrackingEvent } from './apply-tracking-event';
import { toTrackingEvent } from './from-canonical-event';
import { toLastReplyDto } from './reply-display';
import { addStats } from './stats';
import { sentMessage, t } from './testing/tracking-fixtures';
import { trackingDelta } from './tracking-delta';

describe('provider events through tracking', () => {
  it('delivered, read, then a button reply: status, times, counters and the Last Reply cell', () => {
    const { webhook } = getProviderAdapter(ProviderKind.Generic);
    const events: CanonicalEvent[] = [
      ...webhook.normalise(buildSpecStatusPayload({ messageId: 'm1', status: MessageStatus.Read, at: t(9), eventId: 'e2' }), null),
      ...webhook.normalise(buildSpecStatusPayload({ messageId: 'm1', status: MessageStatus.Delivered, at: t(5), eventId: 'e1' }), null),
      ...webhook.normalise(
        buildSpecReplyPayload({ messageId: 'm1', reply: { type: ReplyType.ButtonsReply, id: 'ConfirmV1:b1', title: 'Confirm' } }),
        'd3',
      ),
    ];
    let state = sentMessage();
    let stats = addStats(emptyStats(), { sent: 1 });
    for (const event of events) {
      const trackingEvent = toTrackingEvent(event, t(30));
      if (!trackingEvent) continue;
      const next = applyTrackingEvent(state, trackingEvent).state;
      stats = addStats(stats, trackingDelta(state, next).stats);
      state = next;
    }
    expect(state).toMatchObject({ status: MessageStatus.Replied, deliveredAt: t(5), readAt: t(9), repliedAt: t(30) });
    expect(stats).toEqual({ ...emptyStats(), replied: 1 });
    expect(toLastReplyDto(state.lastReply)).toMatchObject({ type: ReplyType.ButtonsReply, id: 'b1', display: 'Confirm' });
  });
});
