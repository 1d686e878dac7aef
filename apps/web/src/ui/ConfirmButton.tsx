import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';

interface ConfirmButtonProps {
  label: ReactNode;
  title: string;
  /** What will happen, shown before the user confirms. */
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
  testId?: string;
}

/** A button that asks first, in a modal (testable: confirm-ok / confirm-cancel). */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, busy = false, danger = false, testId }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className={`btn${danger ? ' btn-danger' : ''}`} disabled={busy} onClick={() => setOpen(true)} data-testid={testId}>
        {busy ? 'Working…' : label}
      </button>
      <Modal
        open={open}
        title={title}
        onClose={close}
        testId="confirm-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={close} data-testid="confirm-cancel">
              Keep as is
            </button>
            <button
              type="button"
              className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
              data-testid="confirm-ok"
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </>
        }
      >
        {message}
      </Modal>
    </>
  );
}
