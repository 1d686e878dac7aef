import { useState } from 'react';
import { WEBHOOK_KINDS, type UserDetails, type WebhookInfo, type WebhookKind } from '@bluetick/contracts';
import { Badge } from '../../ui/Badge';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { CopyButton } from '../../ui/CopyButton';
import { InlineError } from '../../ui/ErrorState';
import { useRotateWebhook } from './hooks';
import { WEBHOOK_LABELS } from './labels';

function WebhookPanel({ userId, kind, webhook }: { userId: string; kind: WebhookKind; webhook: WebhookInfo }) {
  const [revealed, setRevealed] = useState(false);
  const rotate = useRotateWebhook(userId);
  const { title, module } = WEBHOOK_LABELS[kind];
  return (
    <div className="webhook" data-testid={`webhook-${kind}`}>
      <div className="webhook-head">
        <h3>{title}</h3>
        <Badge tone={webhook.active ? 'success' : 'neutral'} testId={`webhook-active-${kind}`}>
          {webhook.active ? 'Active' : 'Inactive'}
        </Badge>
      </div>
      {!webhook.active && <p className="muted">Inactive while the {module} module is disabled: calls get 404.</p>}
      <div className="secret-row">
        <span className="secret-label">URL</span>
        <code className="code-value" data-testid={`webhook-url-${kind}`}>
          {webhook.url}
        </code>
        <CopyButton text={webhook.url} testId={`copy-webhook-url-${kind}`} />
      </div>
      <div className="secret-row">
        <span className="secret-label">Secret</span>
        <code className="code-value" data-testid={`webhook-secret-${kind}`} data-revealed={revealed}>
          {revealed ? webhook.secret : '••••••••••••••••••••'}
        </code>
        <button type="button" className="btn btn-small" onClick={() => setRevealed(!revealed)} data-testid={`reveal-webhook-secret-${kind}`}>
          {revealed ? 'Hide' : 'Reveal'}
        </button>
        {revealed && <CopyButton text={webhook.secret} testId={`copy-webhook-secret-${kind}`} />}
      </div>
      <div className="form-actions">
        <ConfirmButton
          label="Rotate URL & secret"
          title={`Rotate the ${title.toLowerCase()}?`}
          message={
            <p>
              A new URL key and signing secret are made now; the current URL and secret stop working at once. Update the
              provider's webhook settings right after.
            </p>
          }
          confirmLabel="Rotate"
          danger
          busy={rotate.isPending}
          onConfirm={() => rotate.mutate(kind)}
          testId={`rotate-webhook-${kind}`}
        />
      </div>
      <InlineError error={rotate.error} />
    </div>
  );
}

/** The only place a webhook URL or secret is ever shown: admins, in User Details. */
export function WebhooksCard({ user }: { user: UserDetails }) {
  return (
    <div className="card" data-testid="webhooks-card">
      <h2>Webhooks</h2>
      <p className="muted">Give these to the provider. Visible to admins only.</p>
      <div className="grid-2">
        {WEBHOOK_KINDS.map((kind) => (
          <WebhookPanel key={kind} userId={user.id} kind={kind} webhook={user.webhooks[kind]} />
        ))}
      </div>
    </div>
  );
}
