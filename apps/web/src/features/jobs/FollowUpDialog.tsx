import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Job } from '@bluetick/contracts';
import { listMessages } from '../../api/bulk';
import { formatCount } from '../../lib/format';
import { InlineError } from '../../ui/ErrorState';
import { Modal } from '../../ui/Modal';
import type { ComposePrefill } from '../compose/prefill';
import { collectPhones, followUpName, followUpSegments, FOLLOW_UP_PAGE_SIZE, type FollowUpSegment } from './follow-up';

/** Pick a segment of this job's recipients and start a new job to them. */
export function FollowUpDialog({ job, onClose }: { job: Job; onClose: () => void }) {
  const navigate = useNavigate();
  const segments = followUpSegments(job);
  const [key, setKey] = useState(segments[0]?.key ?? '');
  const mutation = useMutation({
    mutationFn: (segment: FollowUpSegment) =>
      collectPhones((cursor) => listMessages(job.id, { ...segment.filters, limit: FOLLOW_UP_PAGE_SIZE, cursor })),
    onSuccess: (phones, segment) => {
      if (phones.length === 0) return;
      const prefill: ComposePrefill = { name: followUpName(job, segment), recipients: phones.join('\n') };
      navigate('/outbox/new', { state: { prefill } });
    },
  });
  const selected = segments.find((s) => s.key === key);

  return (
    <Modal
      open
      title="Follow up"
      onClose={onClose}
      testId="follow-up-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!selected || mutation.isPending}
            onClick={() => selected && mutation.mutate(selected)}
            data-testid="follow-up-start"
          >
            {mutation.isPending ? 'Collecting numbers…' : 'Write to them'}
          </button>
        </>
      }
    >
      <p className="muted">Start a new job to the recipients of “{job.name}” who:</p>
      <div className="radio-list">
        {segments.map((segment) => (
          <label key={segment.key} className="radio-row" data-testid="follow-up-segment" data-key={segment.key}>
            <input type="radio" name="segment" checked={segment.key === key} onChange={() => setKey(segment.key)} />
            <span>{segment.label}</span>
            <span className="muted">{formatCount(segment.count)}</span>
          </label>
        ))}
      </div>
      {mutation.isSuccess && mutation.data.length === 0 && (
        <p className="notice" data-testid="follow-up-empty">
          Nobody is in this group.
        </p>
      )}
      <InlineError error={mutation.error} />
    </Modal>
  );
}
