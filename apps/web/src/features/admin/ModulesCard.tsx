import { WEBHOOK_KINDS, type UserDetails, type WebhookKind } from '@bluetick/contracts';
import { InlineError } from '../../ui/ErrorState';
import { useUpdateUser } from './hooks';
import { WEBHOOK_LABELS } from './labels';

/** Bulk and Workflow on / off: each module's webhook is active exactly when it is on. */
export function ModulesCard({ user }: { user: UserDetails }) {
  const mutation = useUpdateUser(user.id);
  const toggle = (kind: WebhookKind, enabled: boolean) => mutation.mutate({ modules: { [kind]: enabled } });
  return (
    <div className="card" data-testid="modules-card">
      <h2>Modules</h2>
      {WEBHOOK_KINDS.map((kind) => (
        <label key={kind} className="switch-row">
          <input
            type="checkbox"
            className="switch"
            checked={user.modules[kind]}
            disabled={mutation.isPending}
            onChange={(e) => toggle(kind, e.target.checked)}
            data-testid={`module-${kind}`}
          />
          <span>
            <strong>{WEBHOOK_LABELS[kind].module}</strong>
            <span className="muted"> — {user.modules[kind] ? 'enabled, webhook active' : 'disabled, webhook answers 404'}</span>
          </span>
        </label>
      ))}
      <InlineError error={mutation.error} />
    </div>
  );
}
