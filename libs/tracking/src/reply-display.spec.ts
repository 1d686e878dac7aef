import { REPLY_DISPLAY_CHARS, ReplyType } from '@bluetick/contracts';
import { replyDisplay, toLastReplyDto, truncateText } from './reply-display';
import { t } from './testing/tracking-fixtures';

const reply = (type: (typeof ReplyType)[keyof typeof ReplyType], fields: { id?: string; title?: string; text?: string }) => ({
  type,
  id: fields.id ?? null,
  title: fields.title ?? null,
  text: fields.text ?? null,
});

describe('replyDisplay', () => {
  it.each([
    ['button → its title', reply(ReplyType.ButtonsReply, { id: 'b1', title: 'Confirm' }), 'Confirm'],
    ['button without title → its id', reply(ReplyType.ButtonsReply, { id: 'CONFIRM_ORDER' }), 'CONFIRM_ORDER'],
    ['list row → its title', reply(ReplyType.ListReply, { id: 'r1', title: 'Reschedule', text: 'Tomorrow' }), 'Reschedule'],
    ['short text → the text', reply(ReplyType.Text, { text: 'Yes, confirmed' }), 'Yes, confirmed'],
    ['text over lines → one line', reply(ReplyType.Text, { text: 'Yes\n\n  see you ' }), 'Yes see you'],
    ['empty text → a label', reply(ReplyType.Text, { text: '  ' }), 'Text reply'],
    ['other with a kind → the kind', reply(ReplyType.Other, { title: 'image' }), 'image'],
    ['other without → a label', reply(ReplyType.Other, {}), 'Other reply'],
  ])('%s', (_name, input, expected) => {
    expect(replyDisplay(input)).toBe(expected);
  });

  it('cuts text at 60 characters with an ellipsis', () => {
    const long = 'a'.repeat(59) + 'bcdef';
    expect(replyDisplay(reply(ReplyType.Text, { text: long }))).toBe('a'.repeat(59) + 'b…');
    expect(replyDisplay(reply(ReplyType.Text, { text: 'x'.repeat(REPLY_DISPLAY_CHARS) }))).toBe('x'.repeat(60));
  });
});

describe('truncateText', () => {
  it('never splits an emoji or a combined character', () => {
    const family = '👨‍👩‍👧';
    const cut = truncateText(family.repeat(61));
    expect(cut).toBe(family.repeat(60) + '…');
    expect(truncateText('e\u0301'.repeat(3), 2)).toBe('e\u0301e\u0301…');
  });

  it('does not leave a space before the ellipsis', () => {
    expect(truncateText('abc def', 4)).toBe('abc…');
  });
});

describe('toLastReplyDto', () => {
  it('adds display and an ISO time, and passes the payload through', () => {
    const payload = { id: 'ConfirmV1:b1', title: 'Confirm' };
    expect(
      toLastReplyDto({ type: ReplyType.ButtonsReply, id: 'b1', title: 'Confirm', text: null, payload, at: t(0) }),
    ).toEqual({
      type: ReplyType.ButtonsReply,
      id: 'b1',
      title: 'Confirm',
      text: null,
      display: 'Confirm',
      payload,
      at: '2025-10-29T12:00:00.000Z',
    });
  });

  it('is null for no reply', () => {
    expect(toLastReplyDto(null)).toBeNull();
  });
});
