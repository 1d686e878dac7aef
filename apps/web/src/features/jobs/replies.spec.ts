import { describe, expect, it } from '@jest/globals';
import { isFilterableReplyKey, replyBars } from './replies';

const buttons = [
  { id: 'confirm', title: 'Confirm' },
  { id: 'reschedule', title: 'Reschedule' },
  { id: 'cancel', title: 'Cancel' },
];

describe('replyBars', () => {
  it('lists the job buttons first, in order, with zero counts', () => {
    const bars = replyBars(buttons, [
      { key: 'text:', title: 'Text', count: 4 },
      { key: 'cancel', title: 'Cancel', count: 1 },
      { key: 'confirm', title: 'Confirm', count: 7 },
    ]);
    expect(bars.map((b) => [b.key, b.count, b.isButton])).toEqual([
      ['confirm', 7, true],
      ['reschedule', 0, true],
      ['cancel', 1, true],
      ['text:', 4, false],
    ]);
  });

  it('matches a button by title when the provider reports another id, and sorts the rest by count', () => {
    const bars = replyBars(buttons.slice(0, 1), [
      { key: 'ButtonsV3:b1', title: 'confirm', count: 2 },
      { key: 'r1', title: 'Row one', count: 1 },
      { key: 'r2', title: 'Row two', count: 3 },
      { key: 'r3', title: 'Nobody', count: 0 },
    ]);
    expect(bars).toEqual([
      { key: 'ButtonsV3:b1', title: 'Confirm', count: 2, isButton: true },
      { key: 'r2', title: 'Row two', count: 3, isButton: false },
      { key: 'r1', title: 'Row one', count: 1, isButton: false },
    ]);
  });

  it('tells which keys can filter the table', () => {
    expect(isFilterableReplyKey('confirm')).toBe(true);
    expect(isFilterableReplyKey('ListV3:r1')).toBe(true);
    expect(isFilterableReplyKey('text:')).toBe(false);
    expect(isFilterableReplyKey('other:')).toBe(false);
  });
});
