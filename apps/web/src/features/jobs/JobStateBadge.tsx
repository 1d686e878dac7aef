import { JobState } from '@bluetick/contracts';
import { Badge } from '../../ui/Badge';

const LABELS: Record<JobState, string> = {
  [JobState.Queued]: 'Queued',
  [JobState.Sending]: 'Sending',
  [JobState.Completed]: 'Completed',
  [JobState.Cancelled]: 'Cancelled',
};

export function JobStateBadge({ state }: { state: JobState }) {
  return (
    <Badge tone={`state-${state}`} testId="job-state">
      {LABELS[state] ?? state}
    </Badge>
  );
}
