import { MessageStatus, type Job, type JobStats, type OutboxJobsEvent } from '@bluetick/contracts';

export type JobUpdate = OutboxJobsEvent['jobs'][number];

export interface OutboxPatch {
  jobs: Job[];
  /** Ids of updated jobs the list does not have yet (created elsewhere): the list needs a refetch. */
  unknownIds: string[];
}

/** The Outbox list with the counters and state of `outbox.jobs` updates; same array when nothing matched. */
export function applyOutboxJobs(jobs: Job[], updates: readonly JobUpdate[]): OutboxPatch {
  const byId = new Map(updates.map((u) => [u.id, u]));
  let touched = false;
  const next = jobs.map((job) => {
    const update = byId.get(job.id);
    if (!update) return job;
    byId.delete(job.id);
    touched = true;
    return { ...job, total: update.total, stats: update.stats, state: update.state };
  });
  return { jobs: touched ? next : jobs, unknownIds: [...byId.keys()] };
}

const NOT_YET_SENT: readonly MessageStatus[] = [MessageStatus.Queued, MessageStatus.Pending];

/** Share of the job past queued / pending (sent, delivered, read, replied or failed), from 0 to 1. */
export function jobProgress(total: number, stats: JobStats): number {
  if (total <= 0) return 0;
  const waiting = NOT_YET_SENT.reduce((sum, status) => sum + stats[status], 0);
  return Math.min(1, Math.max(0, (total - waiting) / total));
}
