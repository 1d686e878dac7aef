import { describe, expect, it } from '@jest/globals';
import { emptyStats, JobState, MessageStatus, type Job, type Message, type MessagePage } from '@bluetick/contracts';
import { collectPhones, followUpSegments } from './follow-up';

const job: Job = {
  id: 'j1',
  name: 'Reminders',
  state: JobState.Completed,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'u1',
  total: 10,
  stats: { ...emptyStats(), sent: 2, delivered: 3, failed: 1, replied: 4 },
  buttons: [
    { id: 'confirm', title: 'Confirm' },
    { id: 'cancel', title: 'Cancel' },
  ],
  template: null,
  replies: [
    { key: 'confirm', title: 'Confirm', count: 3 },
    { key: 'text:', title: 'Text', count: 1 },
  ],
};

describe('followUpSegments', () => {
  it('offers each button, the unread and the failed', () => {
    const segments = followUpSegments(job);
    expect(segments.map((s) => [s.key, s.count])).toEqual([
      ['reply:confirm', 3],
      ['reply:cancel', 0],
      ['unread', 5],
      ['failed', 1],
    ]);
    expect(segments[0].filters.replyId).toBe('confirm');
    expect(segments[2].filters.status).toEqual([MessageStatus.Sent, MessageStatus.Delivered]);
    expect(segments[3].filters.status).toEqual([MessageStatus.Failed]);
  });
});

describe('collectPhones', () => {
  const page = (phones: string[], nextCursor: string | null): MessagePage => ({
    items: phones.map((phone, i) => ({ id: `${phone}-${i}`, phone }) as Message),
    nextCursor,
  });

  it('pages until the last cursor and de-duplicates phones', async () => {
    const pages: Record<string, MessagePage> = {
      first: page(['1', '2'], 'c2'),
      c2: page(['2', '3'], 'c3'),
      c3: page(['4'], null),
    };
    const seen: Array<string | null> = [];
    const phones = await collectPhones(async (cursor) => {
      seen.push(cursor);
      return pages[cursor ?? 'first'];
    });
    expect(phones).toEqual(['1', '2', '3', '4']);
    expect(seen).toEqual([null, 'c2', 'c3']);
  });

  it('stops at the maximum', async () => {
    expect(await collectPhones(async () => page(['1', '2', '3'], 'again'), 2)).toEqual(['1', '2']);
  });
});
