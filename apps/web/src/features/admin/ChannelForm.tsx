import { useState, type FormEvent } from 'react';
import {
  DEFAULT_RATE_LIMIT_PER_SECOND,
  MAX_RATE_LIMIT_PER_SECOND,
  PROVIDERS,
  type ProviderKind,
  type UserDetails,
} from '@bluetick/contracts';
import { isApiError } from '../../api/errors';
import { problemsAt, problemsOutside } from '../../api/problems';
import { InlineError } from '../../ui/ErrorState';
import { FieldProblems } from '../../ui/Problems';
import { buildChannelInput, channelFields, initialConfigValues, storedSecret, type ChannelField } from './channel-fields';
import { useUpdateUser } from './hooks';
import { PROVIDER_LABELS } from './labels';

const CONFIG = 'channel.config';
const RATE = 'channel.rateLimitPerSecond';

function placeholderOf(field: ChannelField, stored: string | null): string {
  if (field.kind === 'secret') return stored ? `${stored} (stored; type to replace)` : field.required ? 'required' : 'optional';
  if (field.defaultValue) return field.defaultValue;
  if (field.kind === 'number') return 'between 0 and 1 (optional)';
  return field.required ? 'required' : 'optional';
}

/** Provider and its config; secrets are write-only: shown masked, sent only when typed. */
export function ChannelForm({ user }: { user: UserDetails }) {
  const [provider, setProvider] = useState<ProviderKind>(user.channel.provider);
  const [values, setValues] = useState(() => initialConfigValues(user.channel.provider, user.channel));
  const [rate, setRate] = useState(String(user.channel.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND));
  const mutation = useUpdateUser(user.id);
  const problems = isApiError(mutation.error, 400) ? mutation.error.problems : [];

  const changeProvider = (next: ProviderKind) => {
    setProvider(next);
    setValues(initialConfigValues(next, user.channel));
    mutation.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { channel: buildChannelInput(provider, values, rate) },
      { onSuccess: (saved) => setValues(initialConfigValues(provider, saved.channel)) },
    );
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="channel-form">
      <h2>Sending channel</h2>
      <div className="form-grid">
        <label className="field">
          <span>Provider</span>
          <select value={provider} onChange={(e) => changeProvider(e.target.value as ProviderKind)} data-testid="channel-provider">
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
          <FieldProblems messages={problemsAt(problems, 'channel.provider')} />
        </label>
        {channelFields(provider).map((field) => (
          <label key={`${provider}.${field.key}`} className="field">
            <span>
              {field.label}
              {field.kind === 'secret' && <span className="muted"> · write-only</span>}
            </span>
            <input
              type={field.kind === 'secret' ? 'password' : 'text'}
              inputMode={field.kind === 'number' ? 'decimal' : undefined}
              autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
              value={values[field.key] ?? ''}
              placeholder={placeholderOf(field, storedSecret(provider, user.channel, field.key))}
              onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              data-testid={`channel-config-${field.key}`}
            />
            <FieldProblems messages={problemsAt(problems, `${CONFIG}.${field.key}`)} />
          </label>
        ))}
        <label className="field">
          <span>Rate limit (messages per second)</span>
          <input
            type="number"
            min={1}
            max={MAX_RATE_LIMIT_PER_SECOND}
            step={1}
            value={rate}
            placeholder={String(DEFAULT_RATE_LIMIT_PER_SECOND)}
            onChange={(e) => setRate(e.target.value)}
            data-testid="channel-rate-limit"
          />
          <FieldProblems messages={problemsAt(problems, RATE)} />
        </label>
      </div>
      <InlineError error={mutation.error} />
      <FieldProblems
        messages={problemsOutside(problems, ['channel.provider', RATE, ...channelFields(provider).map((f) => `${CONFIG}.${f.key}`)]).map(
          (p) => p.message,
        )}
      />
      <div className="form-actions">
        {mutation.isSuccess && (
          <span className="notice" data-testid="channel-saved">
            Saved.
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending} data-testid="channel-save">
          {mutation.isPending ? 'Saving…' : 'Save channel'}
        </button>
      </div>
    </form>
  );
}
