import { emptyStats, JobState } from '@bluetick/contracts';
import { jobStateFor } from './job-state';

describe('jobStateFor', () => {
  const stats = (s: Partial<ReturnType<typeof emptyStats>>) => ({ ...emptyStats(), ...s });

  it('is queued while nothing has been claimed', () => {
    expect(jobStateFor(JobState.Queued, stats({ queued: 5 }))).toBe(JobState.Queued);
  });

  it('is sending once anything is pending or beyond, while work remains', () => {
    expect(jobStateFor(JobState.Queued, stats({ queued: 4, pending: 1 }))).toBe(JobState.Sending);
    expect(jobStateFor(JobState.Completed, stats({ queued: 2, sent: 3 }))).toBe(JobState.Sending);
  });

  it('is completed when nothing is queued or pending, failures included', () => {
    expect(jobStateFor(JobState.Sending, stats({ sent: 3, failed: 2 }))).toBe(JobState.Completed);
  });

  it('stays cancelled whatever the counters say', () => {
    expect(jobStateFor(JobState.Cancelled, stats({ queued: 3 }))).toBe(JobState.Cancelled);
  });
});
