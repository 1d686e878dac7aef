export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function ErrorState({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="error-state" role="alert" data-testid="error-state">
      <p className="error-title">{title}</p>
      <p className="muted">{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry} data-testid="retry">
          Try again
        </button>
      )}
    </div>
  );
}

/** A one-line error for a failed action (save, cancel…), next to where it happened. */
export function InlineError({ error, testId = 'action-error' }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return (
    <p className="inline-error" role="alert" data-testid={testId}>
      {errorMessage(error)}
    </p>
  );
}
