import { Link } from 'react-router-dom';
import { EmptyState } from '../../ui/EmptyState';
import { QueryView } from '../../ui/QueryView';
import { SkeletonBlock } from '../../ui/Skeleton';
import { useJobs, useOutboxLive } from './hooks';
import { JobCard } from './JobCard';

export function OutboxPage() {
  const jobs = useJobs();
  const { liveError } = useOutboxLive();
  return (
    <section className="page" data-testid="outbox">
      <header className="page-header">
        <h1>Outbox</h1>
        <Link to="/outbox/new" className="btn btn-primary" data-testid="new-job">
          New bulk job
        </Link>
      </header>
      {liveError && (
        <p className="notice notice-warning" data-testid="live-error">
          Live updates are unavailable: {liveError}
        </p>
      )}
      <QueryView
        query={jobs}
        errorTitle="Could not load your jobs"
        loading={
          <div className="job-list">
            <SkeletonBlock />
            <SkeletonBlock />
          </div>
        }
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No jobs yet — create one">
              <Link to="/outbox/new" className="btn btn-primary">
                New bulk job
              </Link>
            </EmptyState>
          ) : (
            <div className="job-list" data-testid="job-list">
              {list.map((job) => (
                <JobCard key={job.id} job={job} />
              ))}
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
