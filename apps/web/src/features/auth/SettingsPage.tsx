import type { ReactNode } from 'react';
import { Badge } from '../../ui/Badge';
import { useCurrentUser } from './session';

const enabledBadge = (enabled: boolean, testId: string) => (
  <Badge tone={enabled ? 'success' : 'neutral'} testId={testId}>
    {enabled ? 'Enabled' : 'Disabled'}
  </Badge>
);

/** The operator's own profile: no webhook, no channel secret, ever. */
export function SettingsPage() {
  const me = useCurrentUser();
  const rows: Array<[string, ReactNode, string]> = [
    ['Name', me.name, 'settings-name'],
    ['Email', me.email, 'settings-email'],
    ['Role', me.role, 'settings-role'],
    ['Bulk messages', enabledBadge(me.modules.bulk, 'settings-module-bulk'), 'settings-bulk'],
    ['Workflow', enabledBadge(me.modules.workflow, 'settings-module-workflow'), 'settings-workflow'],
  ];
  return (
    <section className="page page-narrow">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="card" data-testid="settings-profile">
        <h2>Your profile</h2>
        <dl className="details">
          {rows.map(([label, value, testId]) => (
            <div key={label} className="details-row">
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Your administrator manages your modules and sending channel.</p>
      </div>
    </section>
  );
}
