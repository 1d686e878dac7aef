import type { Problem } from '@bluetick/contracts';

/** The server's messages for one field, under it. */
export function FieldProblems({ messages, testId }: { messages: readonly string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-problems" role="alert" data-testid={testId}>
      {messages.map((message, i) => (
        <li key={i}>{message}</li>
      ))}
    </ul>
  );
}

/** Every problem of a 400, as a summary above the form. */
export function ProblemSummary({ title, problems }: { title: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="problem-summary" role="alert" data-testid="form-problems">
      <p className="error-title">{title}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-testid="form-problem" data-path={p.path}>
            {p.path && <code>{p.path}</code>} {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
