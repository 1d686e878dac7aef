import { useState } from 'react';
import { JobState, type Job } from '@bluetick/contracts';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { InlineError } from '../../ui/ErrorState';
import { FollowUpDialog } from './FollowUpDialog';
import { useCancelJob, useExportCsv, useRetryFailed } from './hooks';
import type { MessageFilters } from './message-filters';

const CANCELLABLE: readonly JobState[] = [JobState.Queued, JobState.Sending];

export function JobActions({ job, filters }: { job: Job; filters: MessageFilters }) {
  const cancel = useCancelJob(job.id);
  const retry = useRetryFailed(job.id);
  const exportCsv = useExportCsv(job);
  const [followingUp, setFollowingUp] = useState(false);

  return (
    <div className="actions">
      <div className="actions-row">
        {CANCELLABLE.includes(job.state) && (
          <ConfirmButton
            label="Cancel job"
            title="Cancel this job?"
            message={<p>Messages still queued will not be sent. Messages already sent keep being tracked.</p>}
            confirmLabel="Cancel job"
            danger
            busy={cancel.isPending}
            onConfirm={() => cancel.mutate()}
            testId="cancel-job"
          />
        )}
        {job.stats.failed > 0 && (
          <button type="button" className="btn" disabled={retry.isPending} onClick={() => retry.mutate()} data-testid="retry-failed">
            {retry.isPending ? 'Retrying…' : `Retry failed (${job.stats.failed})`}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate(filters)}
          data-testid="export-csv"
        >
          {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setFollowingUp(true)} data-testid="follow-up">
          Follow up
        </button>
      </div>
      <InlineError error={cancel.error ?? retry.error ?? exportCsv.error} />
      {followingUp && <FollowUpDialog job={job} onClose={() => setFollowingUp(false)} />}
    </div>
  );
}
