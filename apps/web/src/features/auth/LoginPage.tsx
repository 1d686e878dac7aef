import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';
import { login } from '../../api/auth';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../ui/ErrorState';
import { useSession } from './session';

function loginError(error: unknown): string {
  if (isApiError(error, 429) && error.retryAfterSeconds !== null) {
    return `${error.message} Try again in ${error.retryAfterSeconds} s.`;
  }
  if (isApiError(error) && error.problems.length) return error.problems.map((p) => p.message).join(' · ');
  return errorMessage(error);
}

export function LoginPage() {
  const { token, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: Location } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: ({ accessToken }) => {
      signIn(accessToken);
      navigate(from ? `${from.pathname}${from.search}` : '/outbox', { replace: true });
    },
  });

  if (token && !mutation.isSuccess) return <Navigate to="/outbox" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email, password });
  };

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden>
            ✓✓
          </span>
          Bluetick
        </div>
        <p className="muted">Sign in to send and track bulk WhatsApp messages.</p>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        {mutation.isError && (
          <p className="inline-error" role="alert" data-testid="login-error">
            {loginError(mutation.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={mutation.isPending} data-testid="login-submit">
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
