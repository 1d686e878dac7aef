import { MESSAGE_STATUSES, type MessageStatus } from '@bluetick/contracts';

/** Filters of the Messages table, the CSV export and follow-up segments; kept in the page's URL. */
export interface MessageFilters {
  /** Any of these statuses; empty = all. Always in MESSAGE_STATUSES order. */
  status: MessageStatus[];
  phone: string;
  replyId: string;
}

export const NO_FILTERS: MessageFilters = { status: [], phone: '', replyId: '' };

function isStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}

function ordered(statuses: Iterable<MessageStatus>): MessageStatus[] {
  const set = new Set(statuses);
  return MESSAGE_STATUSES.filter((s) => set.has(s));
}

export function filtersFromSearch(search: URLSearchParams): MessageFilters {
  const status = (search.get('status') ?? '').split(',').map((s) => s.trim()).filter(isStatus);
  return { status: ordered(status), phone: search.get('phone')?.trim() ?? '', replyId: search.get('replyId') ?? '' };
}

export function filtersToSearch(filters: MessageFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status.length) search.set('status', filters.status.join(','));
  if (filters.phone) search.set('phone', filters.phone);
  if (filters.replyId) search.set('replyId', filters.replyId);
  return search;
}

export function toggleStatus(filters: MessageFilters, status: MessageStatus): MessageFilters {
  const next = filters.status.includes(status)
    ? filters.status.filter((s) => s !== status)
    : [...filters.status, status];
  return { ...filters, status: ordered(next) };
}

export function hasFilters(filters: MessageFilters): boolean {
  return filters.status.length > 0 || filters.phone !== '' || filters.replyId !== '';
}
