import sendResponseFixture from '../fixtures/spec/send-response.json';
import { InvalidChannelConfigError } from '../shared/channel-config';
import { DEFAULT_RETRY_AFTER_MS } from '../shared/send-outcomes';
import { BUTTONS, NOW, jsonResponse, outbound } from '../testing/http';
import type { HttpRequestSpec } from '../types';
import { genericSendAdapter } from './generic-adapter';
import { buildSpecSendResponse } from './spec-payloads';
import { SPEC_MAX_BATCH, parseSpecSendRequest } from './spec-send-request';

const CONFIG = { baseUrl: 'https://send.example.com/api/', token: 'tok_123' };
const A = '97333302738';
const B = '97317000000';
const C = '447911123456';

const requestFor = (...tos: string[]): HttpRequestSpec =>
  genericSendAdapter.buildSendRequests(CONFIG, tos.map((to, i) => outbound(`ref-${i}`, to)))[0]!;

const parse = (request: HttpRequestSpec, status: number, body: unknown, headers: Record<string, string> = {}) =>
  genericSendAdapter.parseSendResponse(request, jsonResponse(status, body, headers), NOW);

describe('generic send: requests', () => {
  it('POSTs {baseUrl}/messages with the bearer token and the spec body', () => {
    const [request, ...rest] = genericSendAdapter.buildSendRequests(CONFIG, [
      outbound('r1', A, { buttons: BUTTONS }),
      outbound('r2', B, { body: 'Hi' }),
    ]);
    expect(rest).toEqual([]);
    expect(request).toEqual({
      method: 'POST',
      url: 'https://send.example.com/api/messages',
      headers: { authorization: 'Bearer tok_123', 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        messages: [
          { to: A, body: 'Your order is ready. Confirm pickup?', buttons: BUTTONS },
          { to: B, body: 'Hi', buttons: [] },
        ],
      }),
      refs: ['r1', 'r2'],
    });
    expect(parseSpecSendRequest(request!.body).map((item) => item.to)).toEqual([A, B]);
  });

  it(`batches ${SPEC_MAX_BATCH} messages per request, keeping order`, () => {
    const messages = Array.from({ length: 250 }, (_, i) => outbound(`r${i}`, A));
    const requests = genericSendAdapter.buildSendRequests(CONFIG, messages);
    expect(requests.map((request) => request.refs.length)).toEqual([100, 100, 50]);
    expect(requests[2]!.refs[0]).toBe('r200');
    expect(genericSendAdapter.maxBatch).toBe(SPEC_MAX_BATCH);
  });

  it('builds nothing for no messages, and refuses a config without baseUrl / token', () => {
    expect(genericSendAdapter.buildSendRequests(CONFIG, [])).toEqual([]);
    expect(() => genericSendAdapter.buildSendRequests({ baseUrl: 'nope' }, [outbound('r', A)])).toThrow(InvalidChannelConfigError);
  });
});

describe('generic send: responses', () => {
  it('reads the spec fixture', () => {
    expect(parse(requestFor('973333027386'), 200, sendResponseFixture)).toEqual({
      kind: 'results',
      results: [{ ref: 'ref-0', messageId: 'rLIu8mLxHn_czF3vPRfgag-gG8Wqd0L7g' }],
    });
  });

  it('iterates a batched response and persists each id in order', () => {
    const response = buildSpecSendResponse([
      { to: A, at: NOW, messageId: 'id-a' },
      { to: B, at: NOW, messageId: 'id-b' },
      { to: C, at: NOW, messageId: 'id-c' },
    ]);
    expect(parse(requestFor(A, B, C), 200, response)).toEqual({
      kind: 'results',
      results: [
        { ref: 'ref-0', messageId: 'id-a' },
        { ref: 'ref-1', messageId: 'id-b' },
        { ref: 'ref-2', messageId: 'id-c' },
      ],
    });
  });

  it('matches by `to` when the order disagrees, and `+`/spaces in `to` do not matter', () => {
    const response = { messages: [{ message_id: 'id-b', to: `+${B}` }, { message_id: 'id-a', to: A }] };
    expect(parse(requestFor(A, B), 200, response)).toEqual({
      kind: 'results',
      results: [
        { ref: 'ref-0', messageId: 'id-a' },
        { ref: 'ref-1', messageId: 'id-b' },
      ],
    });
  });

  it('matches by order when items carry no `to`', () => {
    const response = { messages: [{ message_id: 'x1' }, { message_id: 'x2' }] };
    expect(parse(requestFor(A, B), 200, response)).toMatchObject({ results: [{ messageId: 'x1' }, { messageId: 'x2' }] });
  });

  it('fails one recipient whose item is failed, with its code and message; the others succeed', () => {
    const response = buildSpecSendResponse([
      { to: A, at: NOW, messageId: 'id-a' },
      { to: B, at: NOW, error: { code: 'not_on_whatsapp', message: 'number is not on WhatsApp' } },
      { to: C, at: NOW, messageId: 'id-c' },
    ]);
    expect(parse(requestFor(A, B, C), 200, response)).toEqual({
      kind: 'results',
      results: [
        { ref: 'ref-0', messageId: 'id-a' },
        { ref: 'ref-1', error: { code: 'not_on_whatsapp', reason: 'number is not on WhatsApp', retryable: false } },
        { ref: 'ref-2', messageId: 'id-c' },
      ],
    });
  });

  it('a failed item without details still says what happened', () => {
    expect(parse(requestFor(A), 200, { messages: [{ to: A, status: 'failed' }] })).toEqual({
      kind: 'results',
      results: [{ ref: 'ref-0', error: { code: 'failed', reason: 'the Send API reported this message as failed', retryable: false } }],
    });
  });

  it('a recipient missing from the response, or without message_id, fails without retry (it may have been sent)', () => {
    const outcome = parse(requestFor(A, B, C), 200, { messages: [{ message_id: 'id-a', to: A }, { to: C, status: 'sent' }] });
    expect(outcome).toEqual({
      kind: 'results',
      results: [
        { ref: 'ref-0', messageId: 'id-a' },
        { ref: 'ref-1', error: expect.objectContaining({ code: 'missing_in_response', retryable: false }) },
        { ref: 'ref-2', error: expect.objectContaining({ code: 'no_message_id', retryable: false }) },
      ],
    });
  });

  it('a 2xx that is not the spec body fails every recipient without retry', () => {
    for (const body of ['<html>ok</html>', { ok: true }]) {
      const outcome = parse(requestFor(A, B), 200, body);
      expect(outcome).toEqual({
        kind: 'results',
        results: ['ref-0', 'ref-1'].map((ref) => ({ ref, error: expect.objectContaining({ code: 'bad_response', retryable: false }) })),
      });
    }
  });
});

describe('generic send: HTTP failures', () => {
  it('429 with Retry-After in seconds → retry the whole request', () => {
    expect(parse(requestFor(A), 429, { message: 'slow down' }, { 'Retry-After': '30' })).toEqual({
      kind: 'retry',
      retryAfterMs: 30_000,
      reason: 'Send API rate limit (HTTP 429); retry after 30 s',
    });
  });

  it('429 with Retry-After as an HTTP date, measured from the response Date', () => {
    const headers = { 'retry-after': 'Wed, 29 Oct 2025 14:02:00 GMT', date: 'Wed, 29 Oct 2025 14:01:00 GMT' };
    expect(parse(requestFor(A), 429, '', headers)).toMatchObject({ kind: 'retry', retryAfterMs: 60_000 });
  });

  it('429 with an HTTP date and no Date header is measured from now; a past date means now', () => {
    expect(parse(requestFor(A), 429, '', { 'retry-after': 'Wed, 29 Oct 2025 14:00:45 GMT' })).toMatchObject({ retryAfterMs: 45_000 });
    expect(parse(requestFor(A), 429, '', { 'retry-after': 'Wed, 29 Oct 2025 13:00:00 GMT' })).toMatchObject({ retryAfterMs: 0 });
  });

  it('429 without (or with an unreadable) Retry-After uses the default backoff', () => {
    expect(parse(requestFor(A), 429, '')).toMatchObject({ kind: 'retry', retryAfterMs: DEFAULT_RETRY_AFTER_MS });
    expect(parse(requestFor(A), 429, '', { 'retry-after': 'soon' })).toMatchObject({ retryAfterMs: DEFAULT_RETRY_AFTER_MS });
  });

  it('503 with Retry-After → retry; without → a retryable error per recipient', () => {
    expect(parse(requestFor(A), 503, '', { 'retry-after': '5' })).toMatchObject({ kind: 'retry', retryAfterMs: 5_000 });
    expect(parse(requestFor(A, B), 503, 'Service Unavailable')).toEqual({
      kind: 'results',
      results: ['ref-0', 'ref-1'].map((ref) => ({
        ref,
        error: { code: 'http_503', reason: 'Send API answered HTTP 503: Service Unavailable', retryable: true },
      })),
    });
  });

  it.each([
    [400, { error: { message: 'buttons: at most 3' } }, 'Send API answered HTTP 400: buttons: at most 3'],
    [401, { message: 'bad token' }, 'Send API answered HTTP 401: bad token'],
    [422, { errors: [{ message: 'to is invalid' }] }, 'Send API answered HTTP 422: to is invalid'],
    [403, {}, 'Send API answered HTTP 403'],
  ])('%i fails every recipient, not retryable, with the body message', (status, body, reason) => {
    expect(parse(requestFor(A, B), status, body)).toEqual({
      kind: 'results',
      results: ['ref-0', 'ref-1'].map((ref) => ({ ref, error: { code: `http_${status}`, reason, retryable: false } })),
    });
  });

  it('500 is retryable; 504 is not (a gateway gave up, the provider may have sent it)', () => {
    expect(parse(requestFor(A), 500, { message: 'oops' })).toMatchObject({ results: [{ error: { code: 'http_500', retryable: true } }] });
    expect(parse(requestFor(A), 504, '')).toMatchObject({ results: [{ error: { code: 'http_504', retryable: false } }] });
  });

  it('keeps long error bodies short', () => {
    const outcome = parse(requestFor(A), 400, 'x'.repeat(5000));
    expect(outcome.kind === 'results' && 'error' in outcome.results[0]! && outcome.results[0].error.reason.length).toBeLessThan(400);
  });
});
