import type { HttpRequestSpec } from '../types';

/** A JSON POST with a bearer token: the shape every provider's Send API takes. */
export function jsonPost(url: string, token: string, body: unknown, refs: string[]): HttpRequestSpec {
  return {
    method: 'POST',
    url,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
    refs,
  };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
