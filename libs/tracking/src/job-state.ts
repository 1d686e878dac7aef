import { JobState, type JobStats } from '@bluetick/contracts';
import { sumStats } from './stats';

/** A job's state follows from its counters; only cancellation is decided by a person. */
export function jobStateFor(current: JobState, stats: JobStats): JobState {
  if (current === JobState.Cancelled) return current;
  if (stats.queued + stats.pending === 0) return JobState.Completed;
  return stats.queued === sumStats(stats) ? JobState.Queued : JobState.Sending;
}
