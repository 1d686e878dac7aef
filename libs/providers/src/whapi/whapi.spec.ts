import { MessageStatus, ReplyType } from '@bluetick/contracts';
import sendResponse from '../fixtures/whapi/send-response.json';
import echoOwnMessage from '../fixtures/whapi/webhook-echo-own-message.json';
import replyButton from '../fixtures/whapi/webhook-reply-button.json';
import replyList from '../fixtures/whapi/webhook-reply-list.json';
import statusDelivered from '../fixtures/whapi/webhook-status-delivered.json';
import { BUTTONS, NOW, jsonResponse, outbound, webhookRequest } from '../testing/http';
import { whapiAdapter } from './whapi-adapter';
import { verifyWhapiAuthorization } from './whapi-authorization';
import { normaliseWhapiWebhook } from './whapi-normalise';
import { whapiSendAdapter } from './whapi-send';

const SENT_ID = 'rLIu8mLxHn_czF3vPRfgag-gG8Wqd0L7g';
const TO = '97333302738';
const CONFIG = { token: 'whapi-token' };
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('whapi send', () => {
  const build = (buttons = BUTTONS.slice(0, 0)) => whapiSendAdapter.buildSendRequests(CONFIG, [outbound('r1', TO, { buttons })])[0]!;
  const parse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    whapiSendAdapter.parseSendResponse(build(), jsonResponse(status, body, headers), NOW);

  it('text: POST {apiBase}/messages/text {to, body}', () => {
    const request = build();
    expect([request.url, request.headers.authorization, JSON.parse(request.body)]).toEqual([
      'https://gate.whapi.cloud/messages/text',
      'Bearer whapi-token',
      { to: TO, body: 'Your order is ready. Confirm pickup?' },
    ]);
  });

  it('buttons: POST /messages/interactive with quick_reply buttons', () => {
    const request = build(BUTTONS);
    expect(request.url).toBe('https://gate.whapi.cloud/messages/interactive');
    expect(JSON.parse(request.body)).toEqual({
      to: TO,
      type: 'button',
      body: { text: 'Your order is ready. Confirm pickup?' },
      action: {
        buttons: [
          { type: 'quick_reply', title: 'Confirm', id: 'b1' },
          { type: 'quick_reply', title: 'Reschedule', id: 'b2' },
          { type: 'quick_reply', title: 'Cancel', id: 'b3' },
        ],
      },
    });
  });

  it('one request per message; a configured apiBase is used', () => {
    const requests = whapiSendAdapter.buildSendRequests({ ...CONFIG, apiBase: 'https://whapi.local/' }, [outbound('a', TO), outbound('b', TO)]);
    expect(requests.map((request) => [request.url, request.refs])).toEqual([
      ['https://whapi.local/messages/text', ['a']],
      ['https://whapi.local/messages/text', ['b']],
    ]);
    expect(whapiSendAdapter.maxBatch).toBe(1);
  });

  it('reads message.id from the fixture', () => {
    expect(parse(200, sendResponse)).toEqual({ kind: 'results', results: [{ ref: 'r1', messageId: SENT_ID }] });
  });

  it('sent:false fails the message with its message; no id fails without retry', () => {
    expect(parse(200, { sent: false, message: 'chat not found' })).toEqual({
      kind: 'results',
      results: [{ ref: 'r1', error: { code: 'not_sent', reason: 'Whapi did not send it: chat not found', retryable: false } }],
    });
    expect(parse(200, { sent: true })).toMatchObject({ results: [{ error: { code: 'bad_response', retryable: false } }] });
  });

  it('429 → retry with Retry-After; 4xx → failed with the error message', () => {
    expect(parse(429, { error: { code: 429, message: 'Too many requests' } }, { 'retry-after': '2' })).toEqual({
      kind: 'retry',
      retryAfterMs: 2_000,
      reason: 'Whapi rate limit (HTTP 429); retry after 2 s',
    });
    expect(parse(400, { error: { code: 400, message: 'Invalid to' } })).toEqual({
      kind: 'results',
      results: [{ ref: 'r1', error: { code: 'http_400', reason: 'Whapi answered HTTP 400: Invalid to', retryable: false } }],
    });
  });
});

describe('whapi webhook: fixtures', () => {
  it('status delivered', () => {
    expect(normaliseWhapiWebhook(statusDelivered)).toEqual([
      {
        dedupeKey: `whapi:status:${SENT_ID}:delivered`,
        type: 'status',
        messageId: SENT_ID,
        status: MessageStatus.Delivered,
        at: iso(1761746001),
        failureReason: null,
        raw: statusDelivered.statuses[0],
      },
    ]);
  });

  it('button reply: "ButtonsV3:b1" → b1, the quoted message and the sender', () => {
    const raw = replyButton.messages[0];
    expect(normaliseWhapiWebhook(replyButton)).toEqual([
      {
        dedupeKey: 'whapi:msg:Qm9nd3V2dHd4eXo5MDEyMw-gG8Wqd0L7g',
        type: 'reply',
        messageId: SENT_ID,
        at: iso(1761746200),
        fromPhone: TO,
        reply: { type: ReplyType.ButtonsReply, id: 'b1', title: 'Confirm', text: null, payload: raw },
        raw,
      },
    ]);
  });

  it('list reply: "ListV3:slot_0930" → slot_0930 with its description', () => {
    expect(normaliseWhapiWebhook(replyList)[0]).toMatchObject({
      type: 'reply',
      messageId: SENT_ID,
      reply: { type: ReplyType.ListReply, id: 'slot_0930', title: '09:30', text: 'Tomorrow' },
    });
  });

  it('our own send echoed back (from_me) is ignored', () => {
    expect(normaliseWhapiWebhook(echoOwnMessage)).toEqual([
      { dedupeKey: `whapi:msg:${SENT_ID}`, type: 'ignored', messageId: SENT_ID, at: null, raw: echoOwnMessage.messages[0] },
    ]);
  });
});

describe('whapi webhook: other items', () => {
  const message = (fields: Record<string, unknown>) =>
    normaliseWhapiWebhook({ messages: [{ id: 'in1', from_me: false, chat_id: `${TO}@s.whatsapp.net`, timestamp: 1761746300, ...fields }] })[0]!;

  it('text, with the phone taken from chat_id when `from` is absent', () => {
    expect(message({ type: 'text', text: { body: 'On my way' } })).toMatchObject({
      type: 'reply',
      messageId: null,
      fromPhone: TO,
      reply: { type: ReplyType.Text, text: 'On my way' },
    });
  });

  it('an image is other; action and group messages are ignored', () => {
    expect(message({ type: 'image', image: { caption: 'receipt' } })).toMatchObject({
      reply: { type: ReplyType.Other, title: 'image', text: 'receipt' },
    });
    expect(message({ type: 'action', action: { type: 'delete' } })).toMatchObject({ type: 'ignored' });
    expect(message({ type: 'text', chat_id: '120363@g.us', text: { body: 'hi all' } })).toMatchObject({ type: 'ignored' });
  });

  it('statuses: failed with a reason, pending ignored, unknown unrecognized', () => {
    const events = normaliseWhapiWebhook({
      statuses: [
        { id: 'w1', status: 'failed', timestamp: '1761746002', errors: [{ code: 470, message: 'Re-engagement' }] },
        { id: 'w1', status: 'pending', timestamp: '1761746000' },
        { id: 'w1', status: 'deleted', timestamp: '1761746009' },
      ],
    });
    expect(events.map((event) => [event.type, event.dedupeKey, event.failureReason])).toEqual([
      ['status', 'whapi:status:w1:failed', 'Re-engagement'],
      ['ignored', 'whapi:status:w1:pending', undefined],
      ['unrecognized', 'whapi:status:w1:deleted', undefined],
    ]);
  });

  it('dedupe keys: the same item retried keeps its key; statuses and messages in one body differ', () => {
    const body = { statuses: statusDelivered.statuses, messages: replyButton.messages };
    const keys = normaliseWhapiWebhook(body).map((event) => event.dedupeKey);
    expect(new Set(keys).size).toBe(2);
    expect(normaliseWhapiWebhook(JSON.parse(JSON.stringify(body))).map((event) => event.dedupeKey)).toEqual(keys);
  });

  it('a body with neither statuses nor messages is unrecognized', () => {
    expect(normaliseWhapiWebhook({ event: { type: 'chats' } })).toEqual([expect.objectContaining({ type: 'unrecognized' })]);
  });
});

describe('whapi webhook: authorization', () => {
  const verify = (headers: Record<string, string>, webhookAuthorization?: string) =>
    verifyWhapiAuthorization(webhookRequest('{}', headers), { ...CONFIG, ...(webhookAuthorization && { webhookAuthorization }) });

  it('passes when no header token is configured (the URL key authenticates)', () => {
    expect(verify({})).toEqual({ ok: true });
  });

  it('when configured, the Authorization header must equal it, with or without Bearer', () => {
    expect(verify({ authorization: 's3cret' }, 's3cret')).toEqual({ ok: true });
    expect(verify({ Authorization: 'Bearer s3cret' }, 's3cret')).toEqual({ ok: true });
    expect(verify({ authorization: 's3cret' }, 'Bearer s3cret')).toEqual({ ok: true });
    expect(verify({ authorization: 'Bearer s3cre' }, 's3cret')).toEqual({ ok: false, reason: 'Authorization header does not match' });
    expect(verify({}, 's3cret')).toEqual({ ok: false, reason: 'missing Authorization header' });
  });

  it('is what the whapi adapter verifies with; there is no delivery id', () => {
    const request = webhookRequest('{}', { authorization: 'x' });
    expect(whapiAdapter.webhook.verify(request, { secret: 'unused', config: { webhookAuthorization: 'y' }, now: NOW })).toEqual({
      ok: false,
      reason: 'Authorization header does not match',
    });
    expect(whapiAdapter.webhook.deliveryId(request)).toBeNull();
  });
});
