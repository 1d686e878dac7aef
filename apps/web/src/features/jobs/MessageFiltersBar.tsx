import { useEffect, useState } from 'react';
import { STATUS_LABELS } from '@bluetick/contracts';
import { useDebounced } from '../../lib/use-debounced';
import { useLatest } from '../../lib/use-latest';
import { hasFilters, NO_FILTERS, type MessageFilters } from './message-filters';

interface MessageFiltersBarProps {
  filters: MessageFilters;
  onChange: (filters: MessageFilters) => void;
  /** Title of the reply the replyId filter selects. */
  replyTitle: string | null;
}

/** Phone search and the active filters (statuses are chosen with the pills, replies with the bars). */
export function MessageFiltersBar({ filters, onChange, replyTitle }: MessageFiltersBarProps) {
  const [phone, setPhone] = useState(filters.phone);
  const debounced = useDebounced(phone.trim(), 300);
  const latest = useLatest({ filters, onChange });
  // Only a settled search box changes the filters.
  useEffect(() => {
    const { filters: current, onChange: change } = latest.current;
    if (debounced !== current.phone) change({ ...current, phone: debounced });
  }, [debounced, latest]);

  return (
    <div className="filters" data-testid="message-filters">
      <input
        type="search"
        className="search"
        placeholder="Search phone…"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        aria-label="Search by phone"
        data-testid="filter-phone"
      />
      {filters.status.length > 0 && (
        <span className="chip" data-testid="filter-status">
          Status: {filters.status.map((s) => STATUS_LABELS[s]).join(', ')}
          <button type="button" aria-label="Clear the status filter" onClick={() => onChange({ ...filters, status: [] })}>
            ×
          </button>
        </span>
      )}
      {filters.replyId && (
        <span className="chip" data-testid="filter-reply">
          Reply: {replyTitle ?? filters.replyId}
          <button type="button" aria-label="Clear the reply filter" onClick={() => onChange({ ...filters, replyId: '' })}>
            ×
          </button>
        </span>
      )}
      {hasFilters(filters) && (
        <button
          type="button"
          className="btn btn-link"
          onClick={() => {
            setPhone('');
            onChange(NO_FILTERS);
          }}
          data-testid="clear-filters"
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
