import type { RecipientInput } from '@bluetick/contracts';
import { detectDelimiter, parseCsv } from './csv';

export interface ParsedRecipient {
  phone: string;
  variables?: Record<string, string>;
  /** Line of the pasted text / file it came from, to place the server's problems. */
  line: number;
}

export interface Hint {
  line: number;
  message: string;
}

export interface ParsedRecipients {
  recipients: ParsedRecipient[];
  /** Names of the variable columns, usable as {{placeholders}}. */
  columns: string[];
  /** Client-side hints only: the server decides what is valid. */
  hints: Hint[];
}

const PHONE_HEADER = /^(phone|phone[ _-]?number|mobile|msisdn|number|to|whatsapp)$/i;

/** Digits of a number written with +, spaces, dashes, dots or parentheses. */
function phoneDigits(phone: string): string {
  return phone.replace(/[\s().+-]/g, '');
}

export function looksLikePhone(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value) && /^\d{7,15}$/.test(phoneDigits(value));
}

/**
 * Recipients from pasted text or a CSV file: one number per line, or CSV whose header row
 * names a phone column (else the first) and the variable columns.
 */
export function parseRecipients(text: string): ParsedRecipients {
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  const hints: Hint[] = [];
  if (rows.length === 0) return { recipients: [], columns: [], hints };

  const multiColumn = delimiter !== null;
  // A single column has a header only if its first line reads like one: a mistyped
  // first number must reach the server's per-line check, not vanish as a "header".
  const first = rows[0].cells[0];
  const hasHeader = multiColumn || PHONE_HEADER.test(first.trim()) || !/\d/.test(first);
  const header = hasHeader ? rows[0].cells : [];
  if (multiColumn && rows[0].cells.some(looksLikePhone)) {
    hints.push({ line: rows[0].line, message: 'The first line is read as the header row (phone,name,…).' });
  }
  const phoneColumn = Math.max(0, header.findIndex((h) => PHONE_HEADER.test(h)));
  const variableColumns = header.flatMap((name, index) => (index !== phoneColumn && name ? [{ name, index }] : []));

  const seen = new Map<string, number>();
  const recipients: ParsedRecipient[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const phone = row.cells[phoneColumn] ?? '';
    if (!phone) {
      hints.push({ line: row.line, message: 'No phone number on this line.' });
      continue;
    }
    if (!looksLikePhone(phone)) {
      hints.push({ line: row.line, message: `“${phone}” does not look like an international number.` });
    }
    const digits = phoneDigits(phone);
    const first = seen.get(digits);
    if (first !== undefined) hints.push({ line: row.line, message: `${phone} is already on line ${first}.` });
    else seen.set(digits, row.line);

    const recipient: ParsedRecipient = { phone, line: row.line };
    if (variableColumns.length) {
      recipient.variables = Object.fromEntries(variableColumns.map(({ name, index }) => [name, row.cells[index] ?? '']));
    }
    recipients.push(recipient);
  }
  return { recipients, columns: variableColumns.map((c) => c.name), hints };
}

/** The request's recipients: without the line numbers. */
export function toRecipientInputs(recipients: readonly ParsedRecipient[]): RecipientInput[] {
  return recipients.map(({ phone, variables }) => (variables ? { phone, variables } : { phone }));
}
