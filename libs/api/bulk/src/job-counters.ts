import { JobState } from '@bluetick/contracts';
import { addStats, applyReplyDelta, jobStateFor, mergeDeltas, type TrackingDelta } from '@bluetick/tracking';
import type { EntityManager } from 'typeorm';
import { JOB_COLUMNS, type JobRow } from './job-row';


/**
 * Adds the counter changes of the transitions a transaction made to their jobs, inside
 * that transaction: the counters move exactly when the rows do. Jobs are locked in id
 * order so concurrent batches never deadlock.
 */
export async function applyJobDeltas(tx: EntityManager, deltas: Map<string, TrackingDelta[]>): Promise<JobRow[]> {
  const jobIds = [...deltas.keys()].sort();
  if (jobIds.length === 0) return [];
  const rows: JobRow[] = await tx.query(
    `SELECT ${JOB_COLUMNS} FROM bulk_jobs WHERE job_id = ANY($1::uuid[]) ORDER BY job_id FOR UPDATE`,
    [jobIds],
  );
  const updated: JobRow[] = [];
  for (const row of rows) {
    const changes = deltas.get(row.job_id) ?? [];
    const stats = addStats(row.status_summary_json, mergeDeltas(changes.map((c) => c.stats)));
    const replies = applyReplyDelta(row.reply_summary_json, changes.flatMap((c) => c.replies), row.buttons_json);
    const state = jobStateFor(row.state, stats);
    await tx.query(
      `UPDATE bulk_jobs SET status_summary_json = $2, reply_summary_json = $3, state = $4,
              completed_at = CASE WHEN $5 THEN COALESCE(completed_at, now()) END
        WHERE job_id = $1`,
      [row.job_id, JSON.stringify(stats), JSON.stringify(replies), state, state === JobState.Completed],
    );
    updated.push({ ...row, status_summary_json: stats, reply_summary_json: replies, state });
  }
  return updated;
}
