import { formatCount } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { SkeletonRows } from '../../ui/Skeleton';
import { Spinner } from '../../ui/Spinner';
import { useJobMessages } from './hooks';
import { hasFilters, type MessageFilters } from './message-filters';
import { MessageRow } from './MessageRow';

const COLUMNS = ['Phone', 'Message', 'Status', 'Message ID', 'Sent', 'Delivered', 'Read', 'Last reply'];

export function MessagesTable({ jobId, filters }: { jobId: string; filters: MessageFilters }) {
  const query = useJobMessages(jobId, filters);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isError && rows.length === 0) {
    return <ErrorState error={query.error} title="Could not load the messages" onRetry={() => void query.refetch()} />;
  }
  return (
    <>
      <div className={`table-scroll${query.isPlaceholderData ? ' is-stale' : ''}`}>
        <table className="table messages-table" data-testid="messages-table" aria-busy={query.isFetching}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {query.isPending ? (
              <SkeletonRows columns={COLUMNS.length} />
            ) : (
              rows.map((message) => <MessageRow key={message.id} message={message} />)
            )}
          </tbody>
        </table>
      </div>
      {!query.isPending && rows.length === 0 && (
        <EmptyState title={hasFilters(filters) ? 'No messages match these filters' : 'No messages in this job'} />
      )}
      <div className="table-footer">
        <span className="muted" data-testid="rows-loaded">
          {formatCount(rows.length)} shown
        </span>
        {query.isFetchNextPageError && <span className="inline-error">Could not load more.</span>}
        {query.hasNextPage && (
          <button
            type="button"
            className="btn"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            data-testid="load-more"
          >
            {query.isFetchingNextPage ? <Spinner label="Loading more" /> : 'Load more'}
          </button>
        )}
      </div>
    </>
  );
}
