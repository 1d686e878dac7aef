import { BadRequestException } from '@nestjs/common';
import type { Problem } from '@bluetick/contracts';
import type { z } from 'zod';

export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join(''),
    message: issue.message,
  }));
}

/** A 400 whose body lists every problem: `{statusCode, error, message, problems}`. */
export class ProblemsException extends BadRequestException {
  constructor(problems: Problem[], summary = 'The request has problems; fix them and try again') {
    super({ statusCode: 400, error: 'Bad Request', message: summary, problems });
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new ProblemsException(problemsFromZod(result.error));
  return result.data;
}
