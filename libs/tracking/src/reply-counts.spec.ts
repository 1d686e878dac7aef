import { ReplyType, type Button } from '@bluetick/contracts';
import { OTHER_REPLY_KEY, TEXT_REPLY_KEY, applyReplyDelta, initialReplyCounts, replyDelta, replyKey } from './reply-counts';

const BUTTONS: Button[] = [
  { id: 'b1', title: 'Confirm' },
  { id: 'b2', title: 'Reschedule' },
  { id: 'b3', title: 'Cancel' },
];
const button = (id: string, title = id) => ({ type: ReplyType.ButtonsReply, id, title });
const list = (id: string, title: string) => ({ type: ReplyType.ListReply, id, title });
const text = { type: ReplyType.Text, id: null, title: null };
const other = { type: ReplyType.Other, id: null, title: 'image' };

describe('replyKey', () => {
  it.each([
    [button('b1'), 'b1'],
    [list('slot_0930', '09:30'), 'slot_0930'],
    [text, TEXT_REPLY_KEY],
    [other, OTHER_REPLY_KEY],
    [{ type: ReplyType.ButtonsReply, id: null, title: 'Yes' }, OTHER_REPLY_KEY],
    [null, null],
  ])('%o → %s', (reply, key) => {
    expect(replyKey(reply)).toBe(key);
  });
});

describe('replyDelta', () => {
  it('moves one count from the old last reply to the new one', () => {
    expect(replyDelta(button('b1', 'Confirm'), button('b3', 'Cancel'))).toEqual([
      { key: 'b1', title: 'Confirm', change: -1 },
      { key: 'b3', title: 'Cancel', change: 1 },
    ]);
  });

  it('counts a first reply and titles text / other bars', () => {
    expect(replyDelta(null, text)).toEqual([{ key: TEXT_REPLY_KEY, title: 'Text reply', change: 1 }]);
    expect(replyDelta(text, other)).toEqual([
      { key: TEXT_REPLY_KEY, title: 'Text reply', change: -1 },
      { key: OTHER_REPLY_KEY, title: 'Other reply', change: 1 },
    ]);
  });

  it('is empty when the key does not change (a newer text after a text)', () => {
    expect(replyDelta(text, text)).toEqual([]);
    expect(replyDelta(button('b1'), button('b1'))).toEqual([]);
    expect(replyDelta(null, null)).toEqual([]);
  });
});

describe('applyReplyDelta', () => {
  it('starts with one zero bar per button', () => {
    expect(initialReplyCounts(BUTTONS)).toEqual([
      { key: 'b1', title: 'Confirm', count: 0 },
      { key: 'b2', title: 'Reschedule', count: 0 },
      { key: 'b3', title: 'Cancel', count: 0 },
    ]);
  });

  it('keeps the job buttons first in their order, then list rows as first seen, then text, then other', () => {
    let counts = applyReplyDelta([], replyDelta(null, other), BUTTONS);
    counts = applyReplyDelta(counts, replyDelta(null, text), BUTTONS);
    counts = applyReplyDelta(counts, replyDelta(null, list('r2', 'Later')), BUTTONS);
    counts = applyReplyDelta(counts, replyDelta(null, button('b3', 'Cancel')), BUTTONS);
    counts = applyReplyDelta(counts, replyDelta(null, list('r1', 'Sooner')), BUTTONS);
    expect(counts.map((bar) => `${bar.key}=${bar.count}`)).toEqual([
      'b1=0',
      'b2=0',
      'b3=1',
      'r2=1',
      'r1=1',
      `${TEXT_REPLY_KEY}=1`,
      `${OTHER_REPLY_KEY}=1`,
    ]);
  });

  it("uses the job's own button title, whatever the provider echoed", () => {
    const counts = applyReplyDelta(initialReplyCounts(BUTTONS), replyDelta(null, button('b1', 'confirm ✅')), BUTTONS);
    expect(counts[0]).toEqual({ key: 'b1', title: 'Confirm', count: 1 });
  });

  it('drops non-button bars at zero but keeps button bars', () => {
    let counts = applyReplyDelta(initialReplyCounts(BUTTONS), replyDelta(null, text), BUTTONS);
    counts = applyReplyDelta(counts, replyDelta(text, button('b2')), BUTTONS);
    expect(counts.map((bar) => bar.key)).toEqual(['b1', 'b2', 'b3']);
    expect(counts[1]!.count).toBe(1);
  });

  it('merges many deltas at once and never mutates its input', () => {
    const start = Object.freeze(initialReplyCounts(BUTTONS).map((bar) => Object.freeze(bar)));
    const counts = applyReplyDelta(start, [...replyDelta(null, button('b1')), ...replyDelta(null, button('b1'))], BUTTONS);
    expect(counts[0]!.count).toBe(2);
    expect(start[0]!.count).toBe(0);
  });

  it('throws when a count would go negative', () => {
    expect(() => applyReplyDelta([], replyDelta(text, null), BUTTONS)).toThrow("reply count 'text:' would become -1");
  });
});
