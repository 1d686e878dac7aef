import type { Problem } from '@bluetick/contracts';

/** A failed API call: HTTP status (0 when the server could not be reached), message and 400 problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
    /** Seconds to wait, from a 429's Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'Cannot reach the server. Check your connection.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  429: 'Too many requests. Please wait a moment.',
};

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).message === 'string' &&
    ['string', 'undefined'].includes(typeof (value as Problem).path)
  );
}

function messageOf(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (typeof body !== 'object' || body === null) return null;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message.join('; ');
  if (typeof error === 'string' && error) return error;
  return null;
}

/** Seconds from a Retry-After value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds the ApiError for a non-2xx response from its status, parsed body and Retry-After header. */
export function toApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const rawProblems = typeof body === 'object' && body !== null ? (body as { problems?: unknown }).problems : undefined;
  const problems = Array.isArray(rawProblems)
    ? rawProblems.filter(isProblem).map((p) => ({ path: p.path ?? '', message: p.message }))
    : [];
  const message = messageOf(body) ?? FALLBACK_MESSAGES[status] ?? `Request failed (HTTP ${status}).`;
  return new ApiError(status, message, problems, parseRetryAfter(retryAfter));
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
