import { STATUS_LABELS, type MessageStatus } from '@bluetick/contracts';
import { Badge } from './Badge';

export function StatusBadge({ status, testId }: { status: MessageStatus; testId?: string }) {
  return (
    <Badge tone={status} testId={testId}>
      {STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
