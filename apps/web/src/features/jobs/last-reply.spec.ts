import { describe, expect, it } from '@jest/globals';
import { ReplyType, type LastReply } from '@bluetick/contracts';
import { formatLastReply } from './last-reply';

const reply = (overrides: Partial<LastReply>): LastReply => ({
  type: ReplyType.ButtonsReply,
  id: 'ConfirmV1:b1',
  title: 'Confirm',
  text: null,
  display: 'Confirm',
  payload: { type: 'buttons_reply', buttons_reply: { id: 'ConfirmV1:b1', title: 'Confirm' } },
  at: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('formatLastReply', () => {
  it('shows the clicked button title without its id', () => {
    expect(formatLastReply(reply({}))).toMatchObject({ primary: 'Confirm', secondary: null, kind: 'Button' });
  });

  it('shows a list row title with its id as secondary text', () => {
    const view = formatLastReply(reply({ type: ReplyType.ListReply, id: 'r1', title: 'Reschedule', display: 'Reschedule' }));
    expect(view).toMatchObject({ primary: 'Reschedule', secondary: 'r1', kind: 'List' });
  });

  it('marks a text reply the server cut to 60 characters', () => {
    const text = 'Yes, confirmed. See you on Tuesday at ten in the morning, thank you so much!';
    const view = formatLastReply(reply({ type: ReplyType.Text, id: null, title: null, text, display: text.slice(0, 60) }));
    expect(view?.primary).toBe(`${text.slice(0, 60)}…`);
    expect(formatLastReply(reply({ type: ReplyType.Text, text: 'Yes', display: 'Yes' }))?.primary).toBe('Yes');
  });

  it('falls back to the reply fields when display is empty', () => {
    expect(formatLastReply(reply({ display: '' }))?.primary).toBe('Confirm');
    const long = 'x'.repeat(80);
    expect(formatLastReply(reply({ type: ReplyType.Text, text: long, display: '' }))?.primary).toBe(`${'x'.repeat(60)}…`);
    expect(formatLastReply(reply({ type: ReplyType.Other, display: '' }))?.primary).toBe('Other reply');
  });

  it('pretty-prints the full payload and handles no reply', () => {
    expect(formatLastReply(reply({}))?.payloadJson).toContain('"buttons_reply": {');
    expect(formatLastReply(reply({ payload: undefined }))?.payloadJson).toBe('null');
    expect(formatLastReply(null)).toBeNull();
  });
});
