import { useState } from 'react';
import type { LastReply } from '@bluetick/contracts';
import { formatDateTime, NO_VALUE } from '../../lib/format';
import { Modal } from '../../ui/Modal';
import { formatLastReply } from './last-reply';

/** What the customer answered; hover shows the raw payload, click opens it. */
export function LastReplyCell({ reply }: { reply: LastReply | null }) {
  const [open, setOpen] = useState(false);
  const view = formatLastReply(reply);
  if (!reply || !view) return <span className="muted">{NO_VALUE}</span>;
  return (
    <>
      <button
        type="button"
        className="reply-chip"
        title={view.payloadJson}
        onClick={() => setOpen(true)}
        data-testid="last-reply-button"
        data-reply-type={reply.type}
      >
        <span className="reply-kind">{view.kind}</span>
        <span className="reply-text" data-testid="last-reply-display">
          {view.primary}
        </span>
        {view.secondary && (
          <span className="muted reply-id" data-testid="last-reply-id">
            {view.secondary}
          </span>
        )}
      </button>
      {open && (
        <Modal open title={`${view.kind} reply · ${formatDateTime(reply.at)}`} onClose={() => setOpen(false)} testId="reply-payload-dialog">
          <p>
            <strong>{view.primary}</strong>
            {view.secondary && <span className="muted"> · {view.secondary}</span>}
          </p>
          <pre className="payload" data-testid="reply-payload">
            {view.payloadJson}
          </pre>
        </Modal>
      )}
    </>
  );
}
