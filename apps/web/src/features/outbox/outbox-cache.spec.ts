import { describe, expect, it } from '@jest/globals';
import { emptyStats, JobState, type Job } from '@bluetick/contracts';
import { applyOutboxJobs, jobProgress } from './outbox-cache';

const job = (id: string): Job => ({
  id,
  name: `Job ${id}`,
  state: JobState.Queued,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'u1',
  total: 4,
  stats: { ...emptyStats(), queued: 4 },
  buttons: [],
  template: null,
  replies: [],
});

describe('applyOutboxJobs', () => {
  it('patches counters and state of listed jobs, keeping order and the others by reference', () => {
    const list = [job('2'), job('1')];
    const stats = { ...emptyStats(), sent: 3, failed: 1 };
    const { jobs, unknownIds } = applyOutboxJobs(list, [{ id: '1', total: 4, stats, state: JobState.Completed }]);
    expect(jobs.map((j) => j.id)).toEqual(['2', '1']);
    expect(jobs[0]).toBe(list[0]);
    expect(jobs[1]).toMatchObject({ name: 'Job 1', stats, state: JobState.Completed });
    expect(unknownIds).toEqual([]);
  });

  it('reports jobs it does not have and returns the same list when nothing matched', () => {
    const list = [job('1')];
    const patch = applyOutboxJobs(list, [{ id: '9', total: 1, stats: emptyStats(), state: JobState.Sending }]);
    expect(patch.jobs).toBe(list);
    expect(patch.unknownIds).toEqual(['9']);
  });
});

describe('jobProgress', () => {
  it('counts everything past queued and pending', () => {
    expect(jobProgress(10, { ...emptyStats(), queued: 2, pending: 3, sent: 1, delivered: 1, read: 1, failed: 1, replied: 1 })).toBe(0.5);
    expect(jobProgress(0, emptyStats())).toBe(0);
    expect(jobProgress(2, { ...emptyStats(), replied: 2 })).toBe(1);
  });
});
