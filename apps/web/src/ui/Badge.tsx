import type { ReactNode } from 'react';

/** A small coloured label; `tone` picks the colour (a status, a state, an outcome, or neutral/success/danger). */
export function Badge({ tone, children, testId }: { tone: string; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge tone-${tone}`} data-testid={testId} data-tone={tone}>
      {children}
    </span>
  );
}
