import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { BULK_LIMITS, type Button, type CreateJobInput } from '@bluetick/contracts';
import { isApiError } from '../../api/errors';
import { problemsAt } from '../../api/problems';
import { formatCount } from '../../lib/format';
import { InlineError } from '../../ui/ErrorState';
import { FieldProblems, ProblemSummary } from '../../ui/Problems';
import { useCurrentUser } from '../auth/session';
import { ButtonsEditor } from './ButtonsEditor';
import { useCreateJob } from './hooks';
import { MessagePreview } from './MessagePreview';
import { readPrefill } from './prefill';
import { RecipientsField } from './RecipientsField';
import { parseRecipients, toRecipientInputs } from './recipients';
import { placeholdersOf, withButtonIds } from './template';

export function NewJobPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const prefill = readPrefill(useLocation().state);
  const [name, setName] = useState(prefill?.name ?? '');
  const [recipientsText, setRecipientsText] = useState(prefill?.recipients ?? '');
  const [body, setBody] = useState('');
  const [buttons, setButtons] = useState<Button[]>([]);
  const mutation = useCreateJob();

  // Parsing 100,000 lines on every keystroke would make typing lag: parse the settled text.
  const settledText = useDeferredValue(recipientsText);
  const parsed = useMemo(() => parseRecipients(settledText), [settledText]);
  const unknownPlaceholders = placeholdersOf(body).filter((p) => !parsed.columns.includes(p));
  const problems = isApiError(mutation.error, 400) ? mutation.error.problems : [];
  const forbidden = isApiError(mutation.error, 403) ? mutation.error : null;
  const bodyLength = Array.from(body).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: CreateJobInput = {
      name: name.trim() || undefined,
      body,
      buttons: buttons.length ? withButtonIds(buttons) : undefined,
      recipients: toRecipientInputs((settledText === recipientsText ? parsed : parseRecipients(recipientsText)).recipients),
    };
    mutation.mutate(input, { onSuccess: (job) => navigate(`/outbox/${job.id}`) });
  };

  return (
    <section className="page">
      <Link to="/outbox" className="back-link">
        ← Outbox
      </Link>
      <header className="page-header">
        <h1>New bulk job</h1>
      </header>
      {!me.modules.bulk && (
        <p className="notice notice-warning" data-testid="bulk-disabled-warning">
          The Bulk module is disabled for your account: ask an administrator to enable it before sending.
        </p>
      )}
      {forbidden && (
        <div className="problem-summary" role="alert" data-testid="compose-forbidden">
          <p className="error-title">Sending is not allowed for this account</p>
          <p>{forbidden.message}</p>
        </div>
      )}
      <ProblemSummary title="The server could not accept this job" problems={problems} />
      <div className="compose">
        <form className="card form" onSubmit={submit} noValidate data-testid="compose-form">
          <label className="field">
            <span>
              Name <span className="muted">(optional)</span>
            </span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Appointment reminders — March" data-testid="compose-name" />
            <FieldProblems messages={problemsAt(problems, 'name')} />
          </label>

          <RecipientsField text={recipientsText} onText={setRecipientsText} parsed={parsed} problems={problems} />

          <label className="field">
            <span>Message</span>
            <textarea
              rows={6}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder={'Hello {{name}}, your appointment is on {{date}}. Please confirm.'}
              data-testid="compose-body"
            />
            <span className="field-meta">
              <span className="hint">
                Insert a recipient's value with <code>{'{{column}}'}</code>, named after a CSV header.
              </span>
              <span className={`counter${bodyLength > BULK_LIMITS.maxBody ? ' over' : ''}`} data-testid="body-counter">
                {formatCount(bodyLength)}/{formatCount(BULK_LIMITS.maxBody)}
              </span>
            </span>
            {unknownPlaceholders.length > 0 && (
              <span className="hint hint-warning" data-testid="placeholder-hint">
                No recipient column for {unknownPlaceholders.map((p) => `{{${p}}}`).join(', ')}.
              </span>
            )}
            <FieldProblems messages={problemsAt(problems, 'body')} testId="compose-body-problems" />
          </label>

          <ButtonsEditor buttons={buttons} onChange={setButtons} problems={problems} />

          {mutation.isError && !problems.length && !forbidden && <InlineError error={mutation.error} testId="compose-error" />}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={mutation.isPending} data-testid="compose-submit">
              {mutation.isPending
                ? 'Sending…'
                : `Send to ${formatCount(parsed.recipients.length)} recipient${parsed.recipients.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </form>
        <aside className="compose-side">
          <MessagePreview body={body} buttons={buttons} recipient={parsed.recipients[0]} />
        </aside>
      </div>
    </section>
  );
}
