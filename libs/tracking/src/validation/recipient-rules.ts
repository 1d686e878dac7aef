import { BULK_LIMITS } from '@bluetick/contracts';
import { normalisePhone } from '../phone';
import { renderBody } from '../placeholders';
import { formatPath, type ProblemList } from './problem-list';
import { characterCount, isLongerThan } from './text-length';

export interface RecipientShape {
  phone: string;
  variables?: Record<string, string>;
}

export interface ValidRecipient {
  /** E.164 digits, no '+'. */
  phone: string;
  variables: Record<string, string>;
  /** The body with this recipient's variables filled in: what is sent. */
  renderedBody: string;
  /** The template's body parameters filled in for this recipient; null when not a template job. */
  templateParameters: string[] | null;
}

export interface CheckedRecipients {
  recipients: ValidRecipient[];
  duplicatesMerged: number;
}

/**
 * Checks every recipient in one pass (a Map for duplicates, so 100,000 rows stay
 * linear). Recipients with the same normalised phone are merged: the first one wins
 * and the later ones are not checked further.
 */
export function checkRecipients(
  inputs: readonly RecipientShape[],
  body: string,
  hasPlaceholders: boolean,
  problems: ProblemList,
  templateParameters: readonly string[] | null = null,
): CheckedRecipients {
  if (inputs.length === 0) problems.add('recipients', 'add at least one recipient');
  if (inputs.length > BULK_LIMITS.maxRecipients) {
    problems.add(
      'recipients',
      `${inputs.length} recipients is more than one job may have: split the list into jobs of at most ${BULK_LIMITS.maxRecipients}`,
    );
  }
  const seen = new Set<string>();
  const recipients: ValidRecipient[] = [];
  let duplicatesMerged = 0;
  inputs.forEach((input, index) => {
    const phone = normalisePhone(input.phone);
    if (!phone.ok) {
      problems.add(`recipients[${index}].phone`, phone.error);
      return;
    }
    if (seen.has(phone.phone)) {
      duplicatesMerged += 1;
      return;
    }
    seen.add(phone.phone);
    const variables = input.variables ?? {};
    const renderedBody = hasPlaceholders ? renderRecipientBody(body, variables, index, problems) : body;
    const parameters = templateParameters && templateParameters.map((p) => renderTemplateParameter(p, variables, index, problems));
    recipients.push({ phone: phone.phone, variables, renderedBody, templateParameters: parameters });
  });
  return { recipients, duplicatesMerged };
}

function renderTemplateParameter(parameter: string, variables: Record<string, string>, index: number, problems: ProblemList): string {
  const { text, missing } = renderBody(parameter, variables);
  for (const name of missing) {
    problems.add(
      formatPath(['recipients', index, 'variables', name]),
      `no value for {{${name}}} in the template parameters: add '${name}' to this recipient's variables`,
    );
  }
  return text;
}

function renderRecipientBody(body: string, variables: Record<string, string>, index: number, problems: ProblemList): string {
  const { text, missing } = renderBody(body, variables);
  for (const name of missing) {
    problems.add(
      formatPath(['recipients', index, 'variables', name]),
      `no value for {{${name}}}: add '${name}' to this recipient's variables or remove {{${name}}} from the body`,
    );
  }
  if (missing.length === 0 && isLongerThan(text, BULK_LIMITS.maxBody)) {
    problems.add(
      `recipients[${index}].variables`,
      `with its variables filled in this message is ${characterCount(text)} characters: keep it to at most ${BULK_LIMITS.maxBody}`,
    );
  }
  return text;
}
