import { memo } from 'react';
import { Link } from 'react-router-dom';
import type { Job } from '@bluetick/contracts';
import { formatCount, formatDateTime } from '../../lib/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { StatsPills } from '../../ui/StatsPills';
import { JobStateBadge } from '../jobs/JobStateBadge';
import { jobProgress } from './outbox-cache';

export const JobCard = memo(function JobCard({ job }: { job: Job }) {
  return (
    <article className="job-card" data-testid="job-row" data-job-id={job.id} data-state={job.state}>
      <div className="job-card-head">
        <Link to={`/outbox/${job.id}`} className="job-name" data-testid="job-link">
          {job.name || 'Untitled job'}
        </Link>
        <JobStateBadge state={job.state} />
        <span className="muted" title={job.createdAt}>
          {formatDateTime(job.createdAt)}
        </span>
        <span className="job-total">
          <span data-testid="job-total">{formatCount(job.total)}</span> recipients
        </span>
      </div>
      <ProgressBar value={jobProgress(job.total, job.stats)} label={`Progress of ${job.name}`} testId="job-progress" />
      <StatsPills stats={job.stats} />
    </article>
  );
});
