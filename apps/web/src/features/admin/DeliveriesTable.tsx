import type { RecentDelivery } from '@bluetick/contracts';
import { formatDateTime, NO_VALUE } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { WEBHOOK_LABELS, outcomeTone } from './labels';

interface DeliveriesTableProps {
  deliveries: readonly RecentDelivery[];
  refreshing: boolean;
  onRefresh: () => void;
}

export function DeliveriesTable({ deliveries, refreshing, onRefresh }: DeliveriesTableProps) {
  return (
    <div className="card" data-testid="deliveries-card">
      <div className="card-head">
        <h2>Recent deliveries</h2>
        <button type="button" className="btn btn-small" onClick={onRefresh} disabled={refreshing} data-testid="deliveries-refresh">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {deliveries.length === 0 ? (
        <EmptyState title="No webhook deliveries yet" />
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="deliveries-table">
            <thead>
              <tr>
                <th>Received</th>
                <th>Kind</th>
                <th>Event type</th>
                <th>Message ID</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d, i) => (
                <tr key={d.id ?? `${d.receivedAt}-${i}`} data-testid="delivery-row">
                  <td title={d.receivedAt}>{formatDateTime(d.receivedAt)}</td>
                  <td>{WEBHOOK_LABELS[d.kind]?.module ?? d.kind}</td>
                  <td>{d.eventType}</td>
                  <td className="mono">{d.messageId ?? NO_VALUE}</td>
                  <td>
                    <Badge tone={outcomeTone(d.outcome)} testId="delivery-outcome">
                      {d.outcome}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
