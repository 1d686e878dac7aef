import { MessageStatus, ReplyType } from '@bluetick/contracts';
import replyButtons from '../fixtures/spec/webhook-reply-buttons.json';
import replyList from '../fixtures/spec/webhook-reply-list.json';
import replyText from '../fixtures/spec/webhook-reply-text.json';
import statusDelivered from '../fixtures/spec/webhook-status-delivered.json';
import { generateWebhookSecret, signStandardWebhook } from '../index';
import { NOW, NOW_SECONDS, webhookRequest } from '../testing/http';
import { buildSpecReplyPayload, buildSpecStatusPayload, buildSpecWebhookPayload, specReplyItem, specStatusItem } from './spec-payloads';
import { specWebhookAdapter } from './spec-webhook-adapter';
import { normaliseSpecWebhook } from './spec-webhook-normalise';

const MESSAGE_ID = 'rLIu8mLxHn_czF3vPRfgag-gG8Wqd0L7g';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('spec webhook: fixtures', () => {
  it('status delivered, keyed by event_id and index', () => {
    expect(normaliseSpecWebhook(statusDelivered, null)).toEqual([
      {
        dedupeKey: 'spec:event:evt_7f2a:0',
        type: 'status',
        messageId: MESSAGE_ID,
        status: MessageStatus.Delivered,
        at: iso(1761746001),
        failureReason: null,
        raw: statusDelivered.messages[0],
      },
    ]);
  });

  it('buttons reply: id after the prefix, title, time', () => {
    const [event] = normaliseSpecWebhook(replyButtons, 'msg_delivery_1');
    expect(event).toEqual({
      dedupeKey: 'spec:delivery:msg_delivery_1:0',
      type: 'reply',
      messageId: MESSAGE_ID,
      at: iso(1761746200),
      fromPhone: null,
      reply: { type: ReplyType.ButtonsReply, id: 'b1', title: 'Confirm', text: null, payload: replyButtons.messages[0] },
      raw: replyButtons.messages[0],
    });
  });

  it('list reply: "ListV3:r1" → r1; no timestamp → at null (the caller uses the receive time)', () => {
    const [event] = normaliseSpecWebhook(replyList, null);
    expect(event).toMatchObject({
      type: 'reply',
      messageId: MESSAGE_ID,
      at: null,
      reply: { type: ReplyType.ListReply, id: 'r1', title: 'Reschedule', text: null },
    });
  });

  it('text reply stores the text', () => {
    const [event] = normaliseSpecWebhook(replyText, null);
    expect(event).toMatchObject({
      type: 'reply',
      messageId: MESSAGE_ID,
      reply: { type: ReplyType.Text, id: null, title: null, text: 'Yes, confirmed' },
    });
  });
});

describe('spec webhook: items', () => {
  const one = (item: Record<string, unknown>) => normaliseSpecWebhook({ messages: [item] }, 'd1')[0]!;

  it('failed with a reason, from error.message or reason', () => {
    expect(one({ message_id: 'm', type: 'status', status: 'failed', error: { code: 'x', message: 'blocked' } })).toMatchObject({
      status: MessageStatus.Failed,
      failureReason: 'blocked',
    });
    expect(one({ message_id: 'm', type: 'status', status: 'failed', reason: 'expired' })).toMatchObject({ failureReason: 'expired' });
  });

  it.each(['sent', 'delivered', 'read', 'failed'])('status %s is tracked', (status) => {
    expect(one({ message_id: 'm', type: 'status', status })).toMatchObject({ type: 'status', status });
  });

  it.each([
    ['an unknown status', { message_id: 'm', type: 'status', status: 'deleted' }],
    ['a status without message_id', { type: 'status', status: 'read' }],
    ['an unknown type', { message_id: 'm', type: 'typing' }],
    ['no type', { message_id: 'm' }],
    ['a reply without reply', { message_id: 'm', type: 'reply' }],
    ['not an object', 'hello'],
  ])('%s is unrecognized (stored for debugging)', (_name, item) => {
    expect(one(item as Record<string, unknown>)).toMatchObject({ type: 'unrecognized', raw: item });
  });

  it('an image is an other reply labelled with its kind; an odd reply type is other too', () => {
    expect(one({ message_id: 'm', type: 'image', image: { caption: 'receipt' } })).toMatchObject({
      type: 'reply',
      reply: { type: ReplyType.Other, title: 'image', text: 'receipt' },
    });
    expect(one({ message_id: 'm', type: 'reply', reply: { type: 'nfm_reply' } })).toMatchObject({
      reply: { type: ReplyType.Other, title: 'nfm_reply' },
    });
  });

  it('keeps the sender for replies without a message_id', () => {
    expect(one({ type: 'text', from: '+973 3330 2738', text: { body: 'hi' } })).toMatchObject({
      messageId: null,
      fromPhone: '97333302738',
    });
  });

  it('timestamps: numeric strings and milliseconds are read; junk is null', () => {
    const at = (timestamp: unknown) => one({ message_id: 'm', type: 'status', status: 'read', timestamp }).at;
    expect(at('1761746001')).toBe(iso(1761746001));
    expect(at(1761746001123)).toBe('2025-10-29T13:53:21.123Z');
    expect(at('soon')).toBeNull();
    expect(at(-5)).toBeNull();
  });

  it('a body without items is one unrecognized event', () => {
    for (const body of [{}, { messages: [] }, [], null, { event_id: 'e' }]) {
      const events = normaliseSpecWebhook(body, null);
      expect(events).toEqual([expect.objectContaining({ type: 'unrecognized', raw: body })]);
    }
  });
});

describe('spec webhook: dedupe keys', () => {
  const two = buildSpecWebhookPayload([
    specStatusItem({ messageId: 'm1', status: MessageStatus.Delivered, at: NOW }),
    specStatusItem({ messageId: 'm1', status: MessageStatus.Read, at: NOW }),
  ]);

  it('event_id wins over the delivery id, and index tells items apart', () => {
    const keys = normaliseSpecWebhook({ ...two, event_id: 'evt_1' }, 'd1').map((event) => event.dedupeKey);
    expect(keys).toEqual(['spec:event:evt_1:0', 'spec:event:evt_1:1']);
  });

  it('without event_id: the webhook-id, stable across retries of one delivery', () => {
    const first = normaliseSpecWebhook(two, 'msg_abc').map((event) => event.dedupeKey);
    expect(first).toEqual(['spec:delivery:msg_abc:0', 'spec:delivery:msg_abc:1']);
    expect(normaliseSpecWebhook(JSON.parse(JSON.stringify(two)), 'msg_abc').map((event) => event.dedupeKey)).toEqual(first);
  });

  it('without either: a content hash, equal for the same item whatever its key order, distinct across items', () => {
    const [a, b] = normaliseSpecWebhook(two, null).map((event) => event.dedupeKey);
    expect(a).toMatch(/^spec:sha256:[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    const reordered = { messages: [{ timestamp: NOW_SECONDS, status: 'delivered', type: 'status', message_id: 'm1' }] };
    expect(normaliseSpecWebhook(reordered, null)[0]!.dedupeKey).toBe(a);
  });
});

describe('spec payload builders', () => {
  it('build what the normaliser reads back', () => {
    const status = buildSpecStatusPayload({ messageId: 'm1', status: MessageStatus.Failed, at: NOW, reason: 'blocked', eventId: 'e1' });
    expect(status).toEqual({
      event_id: 'e1',
      messages: [{ message_id: 'm1', type: 'status', status: 'failed', timestamp: NOW_SECONDS, error: { message: 'blocked' } }],
    });
    expect(normaliseSpecWebhook(status, null)[0]).toMatchObject({ status: MessageStatus.Failed, failureReason: 'blocked', at: NOW.toISOString() });

    const list = buildSpecReplyPayload({
      messageId: 'm1',
      at: NOW,
      reply: { type: ReplyType.ListReply, id: 'slot_0930', title: '09:30', description: 'Tomorrow' },
    });
    expect(list.messages[0]).toEqual({
      message_id: 'm1',
      timestamp: NOW_SECONDS,
      type: 'reply',
      reply: { type: 'list_reply', list_reply: { id: 'slot_0930', title: '09:30', description: 'Tomorrow' } },
    });
    expect(normaliseSpecWebhook(list, null)[0]!.reply).toMatchObject({ type: ReplyType.ListReply, id: 'slot_0930', text: 'Tomorrow' });

    const text = specReplyItem({ messageId: 'm1', reply: { type: ReplyType.Text, text: 'ok' }, from: '97333302738' });
    expect(text).toEqual({ message_id: 'm1', from: '97333302738', type: 'text', text: { body: 'ok' } });
  });

  it('the spec fixtures are exactly what the builders produce', () => {
    expect(
      buildSpecStatusPayload({ messageId: MESSAGE_ID, status: MessageStatus.Delivered, at: new Date(1761746001000), eventId: 'evt_7f2a' }),
    ).toEqual(statusDelivered);
    expect(buildSpecReplyPayload({ messageId: MESSAGE_ID, reply: { type: ReplyType.Text, text: 'Yes, confirmed' } })).toEqual(replyText);
    const buttons = buildSpecReplyPayload({
      messageId: MESSAGE_ID,
      at: new Date(1761746200000),
      reply: { type: ReplyType.ButtonsReply, id: 'ConfirmV1:b1', title: 'Confirm' },
    });
    expect(buttons).toEqual(replyButtons);
  });
});

describe('spec webhook adapter', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify(statusDelivered);

  it('verifies the Standard Webhooks signature over the raw body', () => {
    const headers = signStandardWebhook({ secret, id: 'msg_1', timestamp: NOW, body });
    expect(specWebhookAdapter.verify(webhookRequest(body, headers), { secret, config: {}, now: NOW })).toEqual({ ok: true });
    expect(specWebhookAdapter.verify(webhookRequest(`${body} `, headers), { secret, config: {}, now: NOW })).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
    expect(specWebhookAdapter.verify(webhookRequest(body), { secret, config: {}, now: NOW })).toEqual({
      ok: false,
      reason: 'missing webhook-id header',
    });
  });

  it('gives the webhook-id as the delivery id', () => {
    expect(specWebhookAdapter.deliveryId(webhookRequest(body, { 'webhook-id': 'msg_9' }))).toBe('msg_9');
    expect(specWebhookAdapter.deliveryId(webhookRequest(body))).toBeNull();
  });
});
