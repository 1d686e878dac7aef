import type { Button, Job, JobState, JobStats, ReplyCount, Template } from '@bluetick/contracts';

export interface JobRow {
  job_id: string;
  created_by: string;
  created_at: Date;
  name: string;
  state: JobState;
  total: number;
  body: string;
  buttons_json: Button[];
  template_json: Template | null;
  status_summary_json: JobStats;
  reply_summary_json: ReplyCount[];
}

export const JOB_COLUMNS = 'job_id, created_by, created_at, name, state, total, body, buttons_json, template_json, status_summary_json, reply_summary_json';

export function toJob(row: JobRow): Job {
  return {
    id: row.job_id,
    name: row.name,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    total: row.total,
    stats: row.status_summary_json,
    buttons: row.buttons_json,
    template: row.template_json,
    replies: row.reply_summary_json,
  };
}
