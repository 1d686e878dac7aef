import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { OPERATOR_ROLE, ROLES, type CreateUserInput, type Role } from '@bluetick/contracts';
import { isApiError } from '../../api/errors';
import { problemsAt, problemsOutside } from '../../api/problems';
import { InlineError } from '../../ui/ErrorState';
import { FieldProblems } from '../../ui/Problems';
import { useCreateUser } from './hooks';

const EMPTY: CreateUserInput = { email: '', password: '', name: '', role: OPERATOR_ROLE };

type TextField = 'name' | 'email' | 'password';
const TEXT_FIELDS: Array<{ key: TextField; label: string; type: string; autoComplete: string }> = [
  { key: 'name', label: 'Name', type: 'text', autoComplete: 'off' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { key: 'password', label: 'Password', type: 'password', autoComplete: 'new-password' },
];

const FIELD_PATHS = [...TEXT_FIELDS.map((f) => f.key), 'role'];

export function CreateUserForm() {
  const [form, setForm] = useState<CreateUserInput>(EMPTY);
  const mutation = useCreateUser();
  const problems = isApiError(mutation.error, 400) ? mutation.error.problems : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(form, { onSuccess: () => setForm(EMPTY) });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="create-user-form">
      <h2>Create user</h2>
      {TEXT_FIELDS.map(({ key, label, type, autoComplete }) => (
        <label key={key} className="field">
          <span>{label}</span>
          <input
            type={type}
            autoComplete={autoComplete}
            value={form[key]}
            onChange={(e) => setForm({ ...form, [key]: e.target.value })}
            aria-invalid={problemsAt(problems, key).length > 0}
            data-testid={`create-user-${key}`}
          />
          <FieldProblems messages={problemsAt(problems, key)} testId={`create-user-${key}-problems`} />
        </label>
      ))}
      <label className="field">
        <span>Role</span>
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} data-testid="create-user-role">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        <FieldProblems messages={problemsAt(problems, 'role')} />
      </label>
      <InlineError error={mutation.error} testId="create-user-error" />
      <FieldProblems messages={problemsOutside(problems, FIELD_PATHS).map((p) => p.message)} />
      {mutation.isSuccess && (
        <p className="notice" data-testid="create-user-success">
          Created <Link to={`/admin/users/${mutation.data.id}`}>{mutation.data.email}</Link>.
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={mutation.isPending} data-testid="create-user-submit">
        {mutation.isPending ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
