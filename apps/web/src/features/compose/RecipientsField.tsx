import type { ChangeEvent } from 'react';
import { BULK_LIMITS, type Problem } from '@bluetick/contracts';
import { problemIndex, problemsAt } from '../../api/problems';
import { formatCount } from '../../lib/format';
import { FieldProblems } from '../../ui/Problems';
import type { ParsedRecipients } from './recipients';

interface RecipientsFieldProps {
  text: string;
  onText: (text: string) => void;
  parsed: ParsedRecipients;
  problems: readonly Problem[];
}

const MAX_HINTS = 8;

/** The server's recipient problems, placed on the line each recipient came from. */
function recipientProblems(problems: readonly Problem[], parsed: ParsedRecipients): string[] {
  return problems
    .filter((p) => problemsAt([p], 'recipients').length > 0)
    .map((p) => {
      const index = problemIndex(p, 'recipients');
      const recipient = index === null ? undefined : parsed.recipients[index];
      return recipient ? `Line ${recipient.line} (${recipient.phone}): ${p.message}` : p.message;
    });
}

export function RecipientsField({ text, onText, parsed, problems }: RecipientsFieldProps) {
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) onText(await file.text());
    e.target.value = '';
  };
  const count = parsed.recipients.length;

  return (
    <fieldset className="field">
      <legend>Recipients</legend>
      <textarea
        rows={7}
        value={text}
        onChange={(e) => onText(e.target.value)}
        placeholder={'One number per line:\n+973 3333 0273\n\nor CSV with a header row:\nphone,name,date\n97333330273,Ali,Tuesday'}
        spellCheck={false}
        className="mono"
        data-testid="compose-recipients"
      />
      <div className="field-meta">
        <label className="btn btn-small file-button">
          Upload CSV…
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={upload} data-testid="compose-file" />
        </label>
        <span data-testid="recipients-count" data-count={count}>
          {formatCount(count)} recipient{count === 1 ? '' : 's'}
          {parsed.columns.length > 0 && <span className="muted"> · variables: {parsed.columns.join(', ')}</span>}
        </span>
      </div>
      {count > BULK_LIMITS.maxRecipients && (
        <p className="hint hint-warning">At most {formatCount(BULK_LIMITS.maxRecipients)} recipients per job.</p>
      )}
      {parsed.hints.length > 0 && (
        <ul className="hints" data-testid="recipient-hints">
          {parsed.hints.slice(0, MAX_HINTS).map((hint) => (
            <li key={`${hint.line}-${hint.message}`} data-testid="recipient-hint">
              Line {hint.line}: {hint.message}
            </li>
          ))}
          {parsed.hints.length > MAX_HINTS && <li>…and {parsed.hints.length - MAX_HINTS} more.</li>}
        </ul>
      )}
      <FieldProblems messages={recipientProblems(problems, parsed)} testId="recipients-problems" />
    </fieldset>
  );
}
