import { toMessage, type MessageRow } from './message-row';

const COLUMNS = ['phone', 'status', 'messageId', 'sentAt', 'deliveredAt', 'readAt', 'failedAt', 'repliedAt', 'lastReplyType', 'lastReplyId', 'lastReply', 'failureReason'];

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function cell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvHeader = () => COLUMNS.join(',');

export function csvRows(rows: MessageRow[]): string[] {
  return rows.map((row) => {
    const m = toMessage(row);
    const r = m.lastReply;
    return [m.phone, m.status, m.messageId, m.sentAt, m.deliveredAt, m.readAt, m.failedAt, m.repliedAt, r?.type ?? null, r?.id ?? null, r?.display ?? null, m.failureReason]
      .map(cell)
      .join(',');
  });
}
