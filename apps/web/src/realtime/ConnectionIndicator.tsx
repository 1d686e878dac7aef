import type { ConnectionStatus } from './socket-types';
import { useRealtime } from './SocketProvider';

const LABELS: Record<ConnectionStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

export function ConnectionIndicator() {
  const { status } = useRealtime();
  return (
    <span
      className={`connection connection-${status}`}
      data-testid="connection-status"
      data-state={status}
      role="status"
      title={status === 'live' ? 'Updates arrive as they happen' : 'Live updates paused; the page refreshes once reconnected'}
    >
      <span className="connection-dot" aria-hidden />
      {LABELS[status]}
    </span>
  );
}
