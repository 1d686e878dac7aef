import { describe, expect, it } from '@jest/globals';
import { parseRetryAfter, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps the server message and its problems', () => {
    const error = toApiError(400, {
      message: 'Invalid job',
      problems: [{ path: 'recipients.0.phone', message: 'invalid phone' }, { nonsense: true }],
    });
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid job');
    expect(error.problems).toEqual([{ path: 'recipients.0.phone', message: 'invalid phone' }]);
  });

  it('joins Nest-style message arrays and falls back to `error` or a status text', () => {
    expect(toApiError(400, { message: ['a', 'b'] }).message).toBe('a; b');
    expect(toApiError(403, { error: 'Forbidden' }).message).toBe('Forbidden');
    expect(toApiError(404, null).message).toBe('Not found.');
    expect(toApiError(502, '').message).toBe('Request failed (HTTP 502).');
    expect(toApiError(500, 'upstream exploded').message).toBe('upstream exploded');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(toApiError(429, { message: 'Too many attempts' }, '30').retryAfterSeconds).toBe(30);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
