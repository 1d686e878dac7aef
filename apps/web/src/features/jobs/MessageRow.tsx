import { memo } from 'react';
import { MessageStatus, type Message } from '@bluetick/contracts';
import { formatTableTime, NO_VALUE } from '../../lib/format';
import { truncate } from '../../lib/text';
import { StatusBadge } from '../../ui/StatusBadge';
import { LastReplyCell } from './LastReplyCell';

const BODY_CHARS = 80;

function TimeCell({ at, testId }: { at: string | null; testId: string }) {
  return (
    <td className="nowrap" title={at ?? undefined} data-testid={testId}>
      {formatTableTime(at)}
    </td>
  );
}

/** One row; memoised: a live patch replaces only the changed rows' objects, so only they re-render. */
export const MessageRow = memo(function MessageRow({ message }: { message: Message }) {
  const failed = message.status === MessageStatus.Failed;
  return (
    <tr
      data-testid="message-row"
      data-row-id={message.id}
      data-message-id={message.messageId ?? ''}
      data-status={message.status}
      className={failed ? 'row-failed' : undefined}
    >
      <td className="mono nowrap" data-testid="phone-cell">
        {message.phone}
      </td>
      <td className="body-cell" title={message.body}>
        {truncate(message.body, BODY_CHARS)}
      </td>
      <td data-testid="status-cell" data-status={message.status}>
        <StatusBadge status={message.status} />
        {failed && message.failureReason && (
          <div className="failure-reason" data-testid="failure-reason">
            {message.failureReason}
          </div>
        )}
      </td>
      <td className="mono message-id" data-testid="message-id-cell" title={message.messageId ?? undefined}>
        {message.messageId ?? NO_VALUE}
      </td>
      <TimeCell at={message.sentAt} testId="sent-at" />
      <TimeCell at={message.deliveredAt} testId="delivered-at" />
      <TimeCell at={message.readAt} testId="read-at" />
      <td data-testid="last-reply-cell">
        <LastReplyCell reply={message.lastReply} />
      </td>
    </tr>
  );
});
