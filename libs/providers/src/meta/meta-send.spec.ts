import pairRateLimit from '../fixtures/meta/send-error-pair-rate-limit.json';
import sendResponse from '../fixtures/meta/send-response.json';
import { BUTTONS, NOW, jsonResponse, outbound } from '../testing/http';
import type { HttpRequestSpec } from '../types';
import { META_RATE_LIMIT_BACKOFF_MS, metaSendAdapter } from './meta-send';

const CONFIG = {
  phoneNumberId: '106540352242922',
  accessToken: 'EAAG-token',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
};
const TO = '97333302738';

const build = (overrides: Parameters<typeof outbound>[2] = {}) =>
  metaSendAdapter.buildSendRequests(CONFIG, [outbound('r1', TO, overrides)])[0]!;
const bodyOf = (request: HttpRequestSpec) => JSON.parse(request.body) as Record<string, unknown>;
const parse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  metaSendAdapter.parseSendResponse(build(), jsonResponse(status, body, headers), NOW);

describe('meta send: requests', () => {
  it('one request per message to {graphApiBase}/{phoneNumberId}/messages with the access token', () => {
    const requests = metaSendAdapter.buildSendRequests(CONFIG, [outbound('r1', TO), outbound('r2', '97317000000')]);
    expect(metaSendAdapter.maxBatch).toBe(1);
    expect(requests.map((request) => [request.url, request.refs])).toEqual([
      ['https://graph.facebook.com/v23.0/106540352242922/messages', ['r1']],
      ['https://graph.facebook.com/v23.0/106540352242922/messages', ['r2']],
    ]);
    expect(requests[0]!.headers.authorization).toBe('Bearer EAAG-token');
  });

  it('honours a configured graphApiBase', () => {
    const [request] = metaSendAdapter.buildSendRequests({ ...CONFIG, graphApiBase: 'http://localhost:9999/v99.0/' }, [outbound('r', TO)]);
    expect(request!.url).toBe('http://localhost:9999/v99.0/106540352242922/messages');
  });

  it('a text message when there are no buttons', () => {
    expect(bodyOf(build())).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      type: 'text',
      text: { preview_url: false, body: 'Your order is ready. Confirm pickup?' },
    });
  });

  it('interactive reply buttons when there are buttons', () => {
    expect(bodyOf(build({ buttons: BUTTONS }))).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Your order is ready. Confirm pickup?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'b1', title: 'Confirm' } },
            { type: 'reply', reply: { id: 'b2', title: 'Reschedule' } },
            { type: 'reply', reply: { id: 'b3', title: 'Cancel' } },
          ],
        },
      },
    });
  });

  it('a template with body parameters and quick-reply payloads, whatever the body and buttons', () => {
    const template = { name: 'order_ready', language: 'en_US', bodyParameters: ['Fatima', '991'], quickReplyPayloads: ['CONFIRM_991', 'CANCEL_991'] };
    expect(bodyOf(build({ buttons: BUTTONS, template }))).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: TO,
      type: 'template',
      template: {
        name: 'order_ready',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'Fatima' }, { type: 'text', text: '991' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CONFIRM_991' }] },
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'CANCEL_991' }] },
        ],
      },
    });
  });

  it('a template without parameters has no components', () => {
    const template = { name: 'hello_world', language: 'en_US', bodyParameters: [] };
    expect(bodyOf(build({ template })).template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
  });
});

describe('meta send: responses', () => {
  it('reads the wamid from the fixture', () => {
    expect(parse(200, sendResponse)).toEqual({
      kind: 'results',
      results: [{ ref: 'r1', messageId: 'wamid.HBgLOTczMzMzMDI3MzgVAgARGBI3QjE0RkQ1NTg0MzZGNjE5QTgA' }],
    });
  });

  it('the pair-rate-limit fixture → retry later with its backoff', () => {
    expect(parse(400, pairRateLimit)).toEqual({
      kind: 'retry',
      retryAfterMs: META_RATE_LIMIT_BACKOFF_MS[131056],
      reason: `WhatsApp Cloud API rate limit (code 131056): ${pairRateLimit.error.error_data.details}`,
    });
  });

  it.each([130429, 131056, 4, 80007])('code %i is a rate limit', (code) => {
    expect(parse(400, { error: { code, message: 'limit' } })).toMatchObject({ kind: 'retry', retryAfterMs: META_RATE_LIMIT_BACKOFF_MS[code] });
  });

  it('HTTP 429 is a rate limit whatever the code; Retry-After wins over the default', () => {
    expect(parse(429, { error: { code: 1, message: 'x' } })).toMatchObject({ kind: 'retry', retryAfterMs: 5_000 });
    expect(parse(429, '', { 'retry-after': '12' })).toMatchObject({ kind: 'retry', retryAfterMs: 12_000 });
    expect(parse(400, { error: { code: 130429, message: 'x' } }, { 'retry-after': '3' })).toMatchObject({ retryAfterMs: 3_000 });
  });

  it('other Graph errors fail the message with error_data.details, else message', () => {
    const details = { error: { message: '(#131026) Message undeliverable', code: 131026, error_data: { details: 'Receiver is incapable' } } };
    expect(parse(400, details)).toEqual({
      kind: 'results',
      results: [{ ref: 'r1', error: { code: '131026', reason: 'Receiver is incapable', retryable: false } }],
    });
    expect(parse(401, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } })).toEqual({
      kind: 'results',
      results: [{ ref: 'r1', error: { code: '190', reason: 'Invalid OAuth access token', retryable: false } }],
    });
  });

  it('5xx and is_transient errors are retryable', () => {
    expect(parse(500, { error: { message: 'Something went wrong', code: 131000 } })).toMatchObject({
      results: [{ error: { code: '131000', retryable: true } }],
    });
    expect(parse(400, { error: { message: 'temporary', code: 2, is_transient: true } })).toMatchObject({
      results: [{ error: { retryable: true } }],
    });
  });

  it('a non-Graph error body falls back to the HTTP status', () => {
    expect(parse(502, '<html>Bad Gateway</html>')).toMatchObject({ results: [{ error: { code: 'http_502', retryable: true } }] });
  });

  it('a 200 without messages[0].id fails without retry', () => {
    expect(parse(200, { messages: [] })).toMatchObject({ results: [{ error: { code: 'bad_response', retryable: false } }] });
  });
});
