const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const integer = new Intl.NumberFormat();

export const NO_VALUE = '—';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : NO_VALUE;
}

/** Compact time for table cells: the time alone when it is today. */
export function formatTableTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return NO_VALUE;
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? time.format(at) : dayTime.format(at);
}

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
