import type { Job } from '@bluetick/contracts';
import { formatCount, formatPercent } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { isFilterableReplyKey, replyBars } from './replies';

interface ReplyBreakdownProps {
  job: Job;
  /** The replyId filter in use, highlighted. */
  activeKey: string;
  onSelect: (key: string) => void;
}

/** How many clicked each button (job buttons first), then lists and text: "how many confirmed?". */
export function ReplyBreakdown({ job, activeKey, onSelect }: ReplyBreakdownProps) {
  const bars = replyBars(job.buttons, job.replies);
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <div className="card" data-testid="reply-breakdown">
      <div className="card-head">
        <h2>Reply breakdown</h2>
        <span className="muted">
          {formatCount(job.stats.replied)} of {formatCount(job.total)} replied
        </span>
      </div>
      {bars.length === 0 ? (
        <EmptyState title="No replies yet" />
      ) : (
        <ul className="bars">
          {bars.map((bar) => {
            const filterable = isFilterableReplyKey(bar.key);
            const active = activeKey === bar.key;
            return (
              <li key={bar.key}>
                <button
                  type="button"
                  className={`bar${active ? ' active' : ''}${bar.isButton ? ' bar-button' : ''}`}
                  disabled={!filterable}
                  aria-pressed={active}
                  title={filterable ? `Show the messages answered “${bar.title}”` : undefined}
                  onClick={() => onSelect(bar.key)}
                  data-testid="reply-bar"
                  data-key={bar.key}
                  data-count={bar.count}
                >
                  <span className="bar-label">{bar.title}</span>
                  <span className="bar-track">
                    <span className="bar-fill" style={{ width: `${(bar.count / max) * 100}%` }} />
                  </span>
                  <span className="bar-count" data-testid="reply-count">
                    {formatCount(bar.count)}
                  </span>
                  <span className="bar-share muted">{job.total ? formatPercent(bar.count / job.total) : ''}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
