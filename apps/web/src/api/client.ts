import { ApiError, toApiError } from './errors';
import { toQueryString, type QueryValue } from './query-string';
import { readToken } from './token';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** false for the login call: its 401 means bad credentials, not an ended session. */
  auth?: boolean;
}

let onUnauthorized: () => void = () => undefined;

/** Registers what a 401 on an authenticated call does (sign out). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', body, query = {}, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = auth ? readToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path + toQueryString(query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'Cannot reach the server. Check your connection.');
  }
  if (response.ok) return response;

  const error = toApiError(response.status, await readBody(response), response.headers.get('Retry-After'));
  if (auth && response.status === 401) onUnauthorized();
  throw error;
}

/** A JSON API call with the bearer token; throws ApiError on any non-2xx. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await readBody(await send(path, options))) as T;
}

export interface Download {
  blob: Blob;
  filename: string | null;
}

/** A file download with the bearer token (e.g. a CSV export). */
export async function requestFile(path: string, options: RequestOptions = {}): Promise<Download> {
  const response = await send(path, options);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), filename: filename && decodeURIComponent(filename) };
}
