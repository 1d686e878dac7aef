import { firstHeader } from './headers';

/** Never wait longer than this on a provider's say-so; the sender re-checks after. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait a `Retry-After` header asks for, in ms: delta-seconds or an HTTP date
 * (measured from the response's own `Date` when present, else from `now`, to avoid
 * clock skew). Null when absent or unreadable; clamped to [0, MAX_RETRY_AFTER_MS].
 */
export function retryAfterMs(headers: Record<string, string | undefined>, now: Date): number | null {
  const value = firstHeader(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return clamp(Number(value) * 1000);
  const until = Date.parse(value);
  if (Number.isNaN(until)) return null;
  const responseDate = Date.parse(firstHeader(headers, 'date') ?? '');
  const from = Number.isNaN(responseDate) ? now.getTime() : responseDate;
  return clamp(until - from);
}

function clamp(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}
