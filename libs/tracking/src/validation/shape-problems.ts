import type { z } from 'zod';
import { formatPath, type ProblemList } from './problem-list';

/** zod's shape errors as Problems, each naming where and what is expected. */
export function addShapeProblems(error: z.ZodError, problems: ProblemList): void {
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    problems.add(path, issue.code === 'invalid_type' ? `${path || 'the request body'} must be ${article(issue.expected)}` : issue.message);
  }
}

function article(expected: string): string {
  const noun = expected === 'record' ? 'object' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
