import type { HttpResponseSpec, SendError, SendOutcome } from '../types';
import { arrayAt, isRecord, parseJson, recordAt, stringAt } from './json-reading';
import { retryAfterMs } from './retry-after';

/** Backoff when a rate limit gives no Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

const MAX_REASON_CHARS = 300;

export function isSuccess(response: HttpResponseSpec): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Every ref of the request fails with the same error. */
export function failAll(refs: readonly string[], error: SendError): SendOutcome {
  return { kind: 'results', results: refs.map((ref) => ({ ref, error })) };
}

export function retryLater(response: HttpResponseSpec, now: Date, what: string, defaultMs = DEFAULT_RETRY_AFTER_MS): SendOutcome {
  const retryAfter = retryAfterMs(response.headers, now) ?? defaultMs;
  return { kind: 'retry', retryAfterMs: retryAfter, reason: `${what}; retry after ${Math.ceil(retryAfter / 1000)} s` };
}

/** The human part of an error body: `error.message`, `message`, `error`, `errors[0].message` or the text. */
export function errorMessageOf(body: string): string | null {
  const json = parseJson(body);
  const message =
    stringAt(recordAt(json, 'error'), 'message') ??
    stringAt(json, 'message') ??
    stringAt(json, 'error') ??
    stringAt(arrayAt(json, 'errors')?.[0], 'message') ??
    (json === undefined || !isRecord(json) ? body.trim() : undefined);
  return message ? shorten(message) : null;
}

export function shorten(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text;
}

/**
 * What a non-2xx answer means for every message in the request.
 * - 429, or 503 with Retry-After: refused for now, send the whole request again later;
 * - 504: a gateway gave up waiting, the provider may have sent it: failed, not retried
 *   (a message whose outcome is unknown is never re-sent automatically);
 * - other 5xx: not accepted, retryable; 4xx: refused, not retryable.
 */
export function httpFailureOutcome(refs: readonly string[], response: HttpResponseSpec, now: Date, api: string): SendOutcome {
  const { status } = response;
  if (status === 429 || (status === 503 && retryAfterMs(response.headers, now) !== null)) {
    return retryLater(response, now, `${api} rate limit (HTTP ${status})`);
  }
  const detail = errorMessageOf(response.body);
  const reason = `${api} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 504) {
    return failAll(refs, { code: 'http_504', reason: `${reason} (the message may have been sent, so it is not retried)`, retryable: false });
  }
  return failAll(refs, { code: `http_${status}`, reason, retryable: status >= 500 });
}

/** A 2xx whose body we cannot read: the provider may have sent it, so never retry. */
export function unreadableSuccess(refs: readonly string[], api: string, what: string): SendOutcome {
  return failAll(refs, {
    code: 'bad_response',
    reason: `${api} accepted the request but ${what}; the message may have been sent, so it is not retried`,
    retryable: false,
  });
}
