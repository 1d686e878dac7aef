import { useCallback, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Job, MessageStatus } from '@bluetick/contracts';
import { formatCount, formatDateTime } from '../../lib/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { QueryView } from '../../ui/QueryView';
import { SkeletonBlock } from '../../ui/Skeleton';
import { StatsPills } from '../../ui/StatsPills';
import { jobProgress } from '../outbox/outbox-cache';
import { useJob, useJobLive } from './hooks';
import { JobActions } from './JobActions';
import { JobStateBadge } from './JobStateBadge';
import { filtersFromSearch, filtersToSearch, toggleStatus, type MessageFilters } from './message-filters';
import { MessageFiltersBar } from './MessageFiltersBar';
import { MessagesTable } from './MessagesTable';
import { ReplyBreakdown } from './ReplyBreakdown';
import { replyBars } from './replies';

/** Filters live in the URL (?status=&phone=&replyId=): shareable, and kept on reload. */
function useUrlFilters(): [MessageFilters, (next: MessageFilters) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(key)), [key]);
  const setFilters = useCallback((next: MessageFilters) => setSearch(filtersToSearch(next), { replace: true }), [setSearch]);
  return [filters, setFilters];
}

function JobDetails({ job, liveError }: { job: Job; liveError: string | null }) {
  const [filters, setFilters] = useUrlFilters();
  const replyTitle = replyBars(job.buttons, job.replies).find((b) => b.key === filters.replyId)?.title ?? null;
  const toggleReply = (key: string) => setFilters({ ...filters, replyId: filters.replyId === key ? '' : key });

  return (
    <>
      <header className="page-header">
        <div>
          <h1 data-testid="job-name">{job.name || 'Untitled job'}</h1>
          <p className="muted">
            <JobStateBadge state={job.state} /> · created {formatDateTime(job.createdAt)} ·{' '}
            <span data-testid="job-total">{formatCount(job.total)}</span> recipients
          </p>
        </div>
        <JobActions job={job} filters={filters} />
      </header>
      {liveError && (
        <p className="notice notice-warning" data-testid="live-error">
          Live updates are unavailable for this job: {liveError}
        </p>
      )}
      <div className="card" data-testid="job-statistics">
        <div className="card-head">
          <h2>Job statistics</h2>
          <span className="muted">Click a status to filter the messages</span>
        </div>
        <ProgressBar value={jobProgress(job.total, job.stats)} label="Sending progress" testId="job-progress" />
        <StatsPills
          stats={job.stats}
          active={filters.status}
          onToggle={(status: MessageStatus) => setFilters(toggleStatus(filters, status))}
        />
      </div>
      <ReplyBreakdown job={job} activeKey={filters.replyId} onSelect={toggleReply} />
      <div className="card">
        <div className="card-head">
          <h2>Messages</h2>
          <MessageFiltersBar filters={filters} onChange={setFilters} replyTitle={replyTitle} />
        </div>
        <MessagesTable jobId={job.id} filters={filters} />
      </div>
    </>
  );
}

export function JobDetailsPage() {
  const { jobId = '' } = useParams();
  const job = useJob(jobId);
  const { liveError } = useJobLive(jobId);
  return (
    <section className="page" data-testid="job-details" data-job-id={jobId}>
      <Link to="/outbox" className="back-link">
        ← Outbox
      </Link>
      <QueryView query={job} loading={<SkeletonBlock height={280} />} errorTitle="Could not load this job">
        {(data) => <JobDetails job={data} liveError={liveError} />}
      </QueryView>
    </section>
  );
}
