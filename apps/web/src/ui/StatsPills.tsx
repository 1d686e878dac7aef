import { MESSAGE_STATUSES, STATUS_LABELS, type JobStats, type MessageStatus } from '@bluetick/contracts';
import { Pill } from './Pill';

interface StatsPillsProps {
  stats: JobStats;
  /** With it, each pill toggles a status filter. */
  onToggle?: (status: MessageStatus) => void;
  active?: readonly MessageStatus[];
}

/** The 7 statistics pills, in the contracts' order. */
export function StatsPills({ stats, onToggle, active = [] }: StatsPillsProps) {
  return (
    <div className="pills" data-testid="stats-pills">
      {MESSAGE_STATUSES.map((status) => (
        <Pill
          key={status}
          label={STATUS_LABELS[status]}
          count={stats[status] ?? 0}
          tone={status}
          testId={`pill-${status}`}
          onClick={onToggle && (() => onToggle(status))}
          active={active.includes(status)}
        />
      ))}
    </div>
  );
}
