import { createJobSchema, type Button, type Problem, type Template } from '@bluetick/contracts';
import { listPlaceholders } from '../placeholders';
import { checkBody, checkButtons } from './content-rules';
import { ProblemList } from './problem-list';
import { checkRecipients, type ValidRecipient } from './recipient-rules';
import { addShapeProblems } from './shape-problems';

export interface ValidJob {
  /** Null when none was given (or only spaces). */
  name: string | null;
  body: string;
  buttons: Button[];
  template: Template | null;
  recipients: ValidRecipient[];
  /** Recipients dropped because an earlier one had the same phone. */
  duplicatesMerged: number;
}

export type CreateJobValidation = { ok: true; value: ValidJob } | { ok: false; problems: Problem[] };

/**
 * Checks a POST /api/bulk/jobs body: shape first (createJobSchema), then every rule,
 * reporting every problem at once (job-level ones first) so the operator fixes them in
 * one go.
 */
export function validateCreateJob(input: unknown): CreateJobValidation {
  const problems = new ProblemList();
  const parsed = createJobSchema.safeParse(input);
  if (!parsed.success) {
    addShapeProblems(parsed.error, problems);
    return { ok: false, problems: problems.toArray() };
  }
  const { name, body, buttons = [], template = null, recipients: inputs } = parsed.data;
  checkBody(body, problems);
  checkButtons(buttons, problems);
  const hasPlaceholders = listPlaceholders(body).length > 0;
  const { recipients, duplicatesMerged } = checkRecipients(inputs, body, hasPlaceholders, problems, template?.bodyParameters ?? null);
  if (!problems.isEmpty) return { ok: false, problems: problems.toArray() };
  return { ok: true, value: { name: name || null, body, buttons, template, recipients, duplicatesMerged } };
}
