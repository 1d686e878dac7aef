import { useState, type FormEvent } from 'react';
import { ROLES, type Role, type UserDetails } from '@bluetick/contracts';
import { isApiError } from '../../api/errors';
import { problemsAt, problemsOutside } from '../../api/problems';
import { InlineError } from '../../ui/ErrorState';
import { FieldProblems } from '../../ui/Problems';
import { useUpdateUser } from './hooks';

export function ProfileForm({ user }: { user: UserDetails }) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const mutation = useUpdateUser(user.id);
  const problems = isApiError(mutation.error, 400) ? mutation.error.problems : [];
  const changed = name !== user.name || role !== user.role;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ name, role });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="profile-form">
      <h2>Profile</h2>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="profile-name" />
        <FieldProblems messages={problemsAt(problems, 'name')} />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="profile-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <FieldProblems messages={problemsAt(problems, 'role')} />
      </label>
      <InlineError error={mutation.error} />
      <FieldProblems messages={problemsOutside(problems, ['name', 'role']).map((p) => p.message)} />
      <button type="submit" className="btn btn-primary" disabled={!changed || mutation.isPending} data-testid="profile-save">
        {mutation.isPending ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
