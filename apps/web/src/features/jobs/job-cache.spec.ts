import { describe, expect, it } from '@jest/globals';
import { emptyStats, JobState, MessageStatus, type Job, type Message } from '@bluetick/contracts';
import { applyJobMessages, applyJobStats, type MessagesData } from './job-cache';

const message = (id: string, overrides: Partial<Message> = {}): Message => ({
  id,
  messageId: `wamid.${id}`,
  phone: '973333027386',
  body: 'Hi',
  buttons: [],
  status: MessageStatus.Sent,
  sentAt: '2025-01-01T00:00:00.000Z',
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  repliedAt: null,
  failureReason: null,
  lastReply: null,
  ...overrides,
});

const data = (...pages: Message[][]): MessagesData => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `c${i + 1}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
});

describe('applyJobMessages', () => {
  it('replaces loaded rows by id, in place, keeping untouched pages by reference', () => {
    const before = data([message('1'), message('2')], [message('3')]);
    const delivered = message('2', { status: MessageStatus.Delivered, deliveredAt: '2025-01-01T00:01:00.000Z' });
    const after = applyJobMessages(before, [delivered]);

    expect(after.pages[0].items.map((m) => m.status)).toEqual([MessageStatus.Sent, MessageStatus.Delivered]);
    expect(after.pages[0].items[1]).toBe(delivered);
    expect(after.pages[0].items[0]).toBe(before.pages[0].items[0]);
    expect(after.pages[1]).toBe(before.pages[1]);
    expect(after.pageParams).toBe(before.pageParams);
    expect(before.pages[0].items[1].status).toBe(MessageStatus.Sent);
  });

  it('matches by messageId when the id differs', () => {
    const before = data([message('1')]);
    const after = applyJobMessages(before, [message('other', { messageId: 'wamid.1', status: MessageStatus.Read })]);
    expect(after.pages[0].items[0].status).toBe(MessageStatus.Read);
  });

  it('follows a row whose messageId changed after retry (same id)', () => {
    const before = data([message('1', { status: MessageStatus.Failed })]);
    const after = applyJobMessages(before, [message('1', { messageId: 'wamid.new', status: MessageStatus.Sent })]);
    expect(after.pages[0].items[0]).toMatchObject({ messageId: 'wamid.new', status: MessageStatus.Sent });
  });

  it('never adds rows that are not loaded and returns the same object when nothing matched', () => {
    const before = data([message('1')]);
    expect(applyJobMessages(before, [message('99')])).toBe(before);
    expect(applyJobMessages(before, [])).toBe(before);
    expect(applyJobMessages(before, [message('99'), message('1', { status: MessageStatus.Read })]).pages[0].items).toHaveLength(1);
  });

  it('patches queued rows without a messageId by id', () => {
    const before = data([message('1', { messageId: null, status: MessageStatus.Queued })]);
    const after = applyJobMessages(before, [message('1', { messageId: 'wamid.x', status: MessageStatus.Sent })]);
    expect(after.pages[0].items[0].messageId).toBe('wamid.x');
  });
});

describe('applyJobStats', () => {
  const job: Job = {
    id: 'j1',
    name: 'Reminders',
    state: JobState.Sending,
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'u1',
    total: 2,
    stats: { ...emptyStats(), queued: 2 },
    buttons: [{ id: 'confirm', title: 'Confirm' }],
    template: null,
    replies: [],
  };

  it('takes counters, state and replies from the event', () => {
    const stats = { ...emptyStats(), replied: 1, read: 1 };
    const replies = [{ key: 'confirm', title: 'Confirm', count: 1 }];
    const next = applyJobStats(job, { jobId: 'j1', total: 2, stats, state: JobState.Completed, replies });
    expect(next).toEqual({ ...job, stats, state: JobState.Completed, replies });
  });

  it('keeps the replies when the event has none and ignores other jobs', () => {
    const event = { jobId: 'j1', total: 2, stats: emptyStats(), state: JobState.Sending } as Parameters<typeof applyJobStats>[1];
    expect(applyJobStats(job, event).replies).toBe(job.replies);
    expect(applyJobStats(job, { ...event, jobId: 'j2' })).toBe(job);
  });
});
