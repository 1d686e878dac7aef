import { MessageStatus as S } from '@bluetick/contracts';
import { applyTrackingEvent } from './apply-tracking-event';
import { buttonReply, replyEvent, sentMessage, t } from './testing/tracking-fixtures';
import { trackingDelta } from './tracking-delta';
import { initialTrackingState } from './tracking-state';

describe('trackingDelta', () => {
  it('gives the stats and reply changes of one transition together', () => {
    const before = sentMessage();
    const after = applyTrackingEvent(before, replyEvent(buttonReply('b1', 'Confirm'), t(5))).state;
    expect(trackingDelta(before, after)).toEqual({
      stats: { [S.Sent]: -1, [S.Replied]: 1 },
      replies: [{ key: 'b1', title: 'Confirm', change: 1 }],
    });
  });

  it('counts a new row and a removed row', () => {
    expect(trackingDelta(null, initialTrackingState())).toEqual({ stats: { queued: 1 }, replies: [] });
    const replied = applyTrackingEvent(sentMessage(), replyEvent(buttonReply('b2', 'Later'), t(5))).state;
    expect(trackingDelta(replied, null)).toEqual({
      stats: { replied: -1 },
      replies: [{ key: 'b2', title: 'Later', change: -1 }],
    });
  });
});
