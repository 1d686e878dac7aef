import { MessageStatus, ReplyType } from '@bluetick/contracts';
import replyButton from '../fixtures/meta/webhook-reply-button.json';
import replyList from '../fixtures/meta/webhook-reply-list.json';
import replyTemplateButton from '../fixtures/meta/webhook-reply-template-button.json';
import replyTextNoContext from '../fixtures/meta/webhook-reply-text-no-context.json';
import statusDelivered from '../fixtures/meta/webhook-status-delivered.json';
import statusFailed from '../fixtures/meta/webhook-status-failed.json';
import statusRead from '../fixtures/meta/webhook-status-read.json';
import { NOW, webhookRequest } from '../testing/http';
import { metaAdapter } from './meta-adapter';
import { normaliseMetaWebhook } from './meta-normalise';
import { signMetaPayload, verifyMetaSignature } from './meta-signature';
import { verifyMetaSubscription } from './meta-subscription';

const SENT_ID = 'wamid.HBgLOTczMzMzMDI3MzgVAgARGBI3QjE0RkQ1NTg0MzZGNjE5QTgA';
const ACCOUNT = '106540352242922';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const valueOf = (fixture: { entry: { changes: { value: unknown }[] }[] }) => fixture.entry[0]!.changes[0]!.value as Record<string, unknown[]>;

/** One webhook body carrying the given statuses / messages, as Meta batches them. */
const webhook = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: ACCOUNT }, ...value } }] }],
});

describe('meta webhook: status fixtures', () => {
  it.each([
    ['delivered', statusDelivered, MessageStatus.Delivered, 1761746001],
    ['read', statusRead, MessageStatus.Read, 1761746090],
  ] as const)('%s', (_name, fixture, status, seconds) => {
    expect(normaliseMetaWebhook(fixture)).toEqual([
      {
        dedupeKey: `meta:status:${SENT_ID}:${status}`,
        type: 'status',
        messageId: SENT_ID,
        status,
        at: iso(seconds),
        failureReason: null,
        providerAccountId: ACCOUNT,
        raw: valueOf(fixture).statuses![0],
      },
    ]);
  });

  it('failed: the reason is error_data.details', () => {
    expect(normaliseMetaWebhook(statusFailed)).toEqual([
      expect.objectContaining({
        dedupeKey: `meta:status:${SENT_ID}:failed`,
        status: MessageStatus.Failed,
        at: iso(1761746010),
        failureReason:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      }),
    ]);
  });

  it('failed: falls back to message, then title', () => {
    const failed = (errors: unknown[]) =>
      normaliseMetaWebhook(webhook({ statuses: [{ id: 'w1', status: 'failed', timestamp: '1', errors }] }))[0]!.failureReason;
    expect(failed([{ code: 1, message: 'the message', title: 'the title' }])).toBe('the message');
    expect(failed([{ code: 1, title: 'the title' }])).toBe('the title');
    expect(failed([])).toBeNull();
  });
});

describe('meta webhook: inbound fixtures', () => {
  it('interactive button_reply → buttons_reply with our id verbatim', () => {
    const raw = valueOf(replyButton).messages![0];
    expect(normaliseMetaWebhook(replyButton)).toEqual([
      {
        dedupeKey: 'meta:msg:wamid.HBgLOTczMzMzMDI3MzgVAgASGBQzQUJCQkJCQkJCQkJCQkJCQkJCAA==',
        type: 'reply',
        messageId: SENT_ID,
        at: iso(1761746200),
        fromPhone: '97333302738',
        reply: { type: ReplyType.ButtonsReply, id: 'confirm:b1', title: 'Confirm', text: null, payload: raw },
        providerAccountId: ACCOUNT,
        raw,
      },
    ]);
  });

  it('interactive list_reply → list_reply with title and description', () => {
    expect(normaliseMetaWebhook(replyList)[0]).toMatchObject({
      type: 'reply',
      messageId: SENT_ID,
      reply: { type: ReplyType.ListReply, id: 'slot_0930', title: '09:30', text: 'Tomorrow morning' },
    });
  });

  it('template quick-reply tap (type "button") counts as a buttons_reply: payload is the id', () => {
    expect(normaliseMetaWebhook(replyTemplateButton)[0]).toMatchObject({
      type: 'reply',
      messageId: SENT_ID,
      at: iso(1761746400),
      reply: { type: ReplyType.ButtonsReply, id: 'CONFIRM_ORDER_991', title: 'Confirm' },
    });
  });

  it('free text without context: no message id, matched by phone', () => {
    expect(normaliseMetaWebhook(replyTextNoContext)[0]).toMatchObject({
      type: 'reply',
      messageId: null,
      fromPhone: '97333302738',
      reply: { type: ReplyType.Text, text: 'Yes please' },
    });
  });
});

describe('meta webhook: other inbound kinds', () => {
  const inbound = (message: Record<string, unknown>) =>
    normaliseMetaWebhook(webhook({ messages: [{ from: '97333302738', id: 'in1', timestamp: '1761746500', ...message }] }))[0]!;

  it('an image is an other reply labelled "image", with its caption', () => {
    expect(inbound({ type: 'image', image: { id: 'media', caption: 'my receipt' }, context: { id: SENT_ID } })).toMatchObject({
      type: 'reply',
      messageId: SENT_ID,
      reply: { type: ReplyType.Other, title: 'image', text: 'my receipt' },
    });
  });

  it.each(['location', 'sticker', 'unsupported', 'something_new'])('%s is an other reply', (type) => {
    expect(inbound({ type })).toMatchObject({ type: 'reply', reply: { type: ReplyType.Other, title: type } });
  });

  it('a reaction names its message in reaction.message_id; removing one is ignored', () => {
    expect(inbound({ type: 'reaction', reaction: { message_id: SENT_ID, emoji: '👍' } })).toMatchObject({
      type: 'reply',
      messageId: SENT_ID,
      reply: { type: ReplyType.Other, title: 'reaction', text: '👍' },
    });
    expect(inbound({ type: 'reaction', reaction: { message_id: SENT_ID } })).toMatchObject({ type: 'ignored', dedupeKey: 'meta:msg:in1' });
  });

  it('system messages are ignored', () => {
    expect(inbound({ type: 'system', system: { body: 'changed number' } })).toMatchObject({ type: 'ignored' });
  });

  it('played is ignored; unknown statuses are unrecognized', () => {
    const events = normaliseMetaWebhook(
      webhook({ statuses: [{ id: 'w1', status: 'played', timestamp: '1' }, { id: 'w1', status: 'deleted', timestamp: '1' }] }),
    );
    expect(events.map((event) => [event.type, event.dedupeKey])).toEqual([
      ['ignored', 'meta:status:w1:played'],
      ['unrecognized', 'meta:status:w1:deleted'],
    ]);
  });
});

describe('meta webhook: batching and dedupe', () => {
  it('loops over every entry, change, status and message', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'a', changes: [valueOf(statusDelivered), valueOf(replyButton)].map((value) => ({ field: 'messages', value })) },
        { id: 'b', changes: [{ field: 'messages', value: valueOf(statusRead) }] },
      ],
    };
    expect(normaliseMetaWebhook(body).map((event) => event.dedupeKey)).toEqual([
      `meta:status:${SENT_ID}:delivered`,
      'meta:msg:wamid.HBgLOTczMzMzMDI3MzgVAgASGBQzQUJCQkJCQkJCQkJCQkJCQkJCAA==',
      `meta:status:${SENT_ID}:read`,
    ]);
  });

  it('the same status retried by Meta keeps its key; another status of the same message differs', () => {
    const again = normaliseMetaWebhook(JSON.parse(JSON.stringify(statusDelivered)))[0]!.dedupeKey;
    expect(again).toBe(normaliseMetaWebhook(statusDelivered)[0]!.dedupeKey);
    expect(again).not.toBe(normaliseMetaWebhook(statusRead)[0]!.dedupeKey);
  });

  it('other objects, other fields and webhook-level errors are unrecognized', () => {
    expect(normaliseMetaWebhook({ object: 'page', entry: [] })).toEqual([expect.objectContaining({ type: 'unrecognized' })]);
    const otherField = { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'message_template_status_update', value: {} }] }] };
    expect(normaliseMetaWebhook(otherField)).toEqual([expect.objectContaining({ type: 'unrecognized', raw: otherField.entry[0]!.changes[0] })]);
    expect(normaliseMetaWebhook(webhook({ errors: [{ code: 131000, title: 'x' }] }))).toEqual([
      expect.objectContaining({ type: 'unrecognized', raw: { code: 131000, title: 'x' } }),
    ]);
    expect(normaliseMetaWebhook(webhook({}))).toEqual([expect.objectContaining({ type: 'unrecognized' })]);
  });
});

describe('meta webhook: signature', () => {
  const APP_SECRET = 'app-secret';
  const raw = JSON.stringify(statusDelivered);
  const verify = (headers: Record<string, string>, body = raw, config: Record<string, unknown> = { appSecret: APP_SECRET }) =>
    verifyMetaSignature(webhookRequest(body, headers), config);

  it('accepts sha256=<hex HMAC of the raw body>, any case of hex or header name', () => {
    const signature = signMetaPayload(raw, APP_SECRET);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify({ 'x-hub-signature-256': signature })).toEqual({ ok: true });
    expect(verify({ 'X-Hub-Signature-256': `sha256=${signature.slice(7).toUpperCase()}` })).toEqual({ ok: true });
  });

  it('rejects a tampered body, another secret, a missing or malformed header, a missing app secret', () => {
    const signature = signMetaPayload(raw, APP_SECRET);
    expect(verify({ 'x-hub-signature-256': signature }, `${raw} `)).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify({ 'x-hub-signature-256': signMetaPayload(raw, 'other') })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verify({})).toEqual({ ok: false, reason: 'missing X-Hub-Signature-256 header' });
    expect(verify({ 'x-hub-signature-256': 'sha1=abc' })).toEqual({ ok: false, reason: 'X-Hub-Signature-256 must be sha256=<64 hex digits>' });
    expect(verify({ 'x-hub-signature-256': signature }, raw, {})).toEqual({ ok: false, reason: 'the channel has no appSecret configured' });
  });

  it('is what the meta adapter verifies with, using the channel config; Meta has no delivery id', () => {
    const request = webhookRequest(raw, { 'x-hub-signature-256': signMetaPayload(raw, APP_SECRET) });
    expect(metaAdapter.webhook.verify(request, { secret: 'unused', config: { appSecret: APP_SECRET }, now: NOW })).toEqual({ ok: true });
    expect(metaAdapter.webhook.deliveryId(request)).toBeNull();
    expect(metaAdapter.webhook.normalise(statusRead, null)).toEqual(normaliseMetaWebhook(statusRead));
  });
});

describe('verifyMetaSubscription', () => {
  const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' };

  it('answers the challenge when mode and token match', () => {
    expect(verifyMetaSubscription(query, 'verify-me')).toEqual({ ok: true, challenge: '1158201444' });
    expect(verifyMetaSubscription({ ...query, 'hub.challenge': ['42', '43'] }, 'verify-me')).toEqual({ ok: true, challenge: '42' });
  });

  it.each([
    ['a wrong token', { ...query, 'hub.verify_token': 'nope' }, 'verify-me', 'hub.verify_token does not match'],
    ['no token', { ...query, 'hub.verify_token': undefined }, 'verify-me', 'hub.verify_token does not match'],
    ['an empty configured token', { ...query, 'hub.verify_token': '' }, '', 'hub.verify_token does not match'],
    ['another mode', { ...query, 'hub.mode': 'unsubscribe' }, 'verify-me', 'hub.mode must be subscribe'],
    ['no challenge', { ...query, 'hub.challenge': undefined }, 'verify-me', 'missing hub.challenge'],
  ])('refuses %s', (_name, q, token, reason) => {
    expect(verifyMetaSubscription(q, token)).toEqual({ ok: false, reason });
  });
});
