import fs from 'node:fs';
import path from 'node:path';
import { eventually, postRaw, sentGenericJob, startTestApp, storedBulkEvents, type TestApp, type TrackedJob } from '@bluetick/api/testing';

const FIXTURE_MESSAGE_ID = 'rLIu8mLxHn_czF3vPRfgag-gG8Wqd0L7g';
const FIXTURE_PHONE = '97333302738';
const AUTHORIZATION = 'Bearer s3cret';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const fixture = (name: string, replace: Record<string, string>) => {
  let text = fs.readFileSync(path.resolve('libs/providers/src/fixtures/whapi', name), 'utf8');
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text);
};

/** Whapi does not sign: the key in the URL plus the Authorization value set in Whapi's webhook settings. */
const postWhapi = (url: string, body: unknown, authorization: string | null = AUTHORIZATION) =>
  postRaw(url, JSON.stringify(body), { 'content-type': 'application/json', ...(authorization !== null ? { authorization } : {}) });

describe('bulk status webhook (Whapi.Cloud, Authorization header)', () => {
  let t: TestApp;
  /** Sent through the generic fake (so the ids exist for this user), then the channel is switched to Whapi. */
  let job: TrackedJob;

  const messages = async () => (await t.http('GET', `/api/bulk/jobs/${job.jobId}/messages`, { token: job.token })).body.items as any[];
  const message = async (i: number) => (await messages()).find((m) => m.messageId === job.messageIds[i]);
  const stats = async () => (await t.http('GET', `/api/bulk/jobs/${job.jobId}`, { token: job.token })).body.stats;
  const deliveries = async () => (await t.http('GET', `/api/admin/users/${job.userId}`, { token: t.adminToken })).body.recentDeliveries as any[];
  const events = () => storedBulkEvents(t.config.databaseUrl, job.userId);
  const settled = () => eventually(async () => (await events()).every((e) => e.outcome !== 'pending'), 15_000, 'events processed');
  const forMessage = (name: string, i: number, extra: Record<string, string> = {}) =>
    fixture(name, { [FIXTURE_MESSAGE_ID]: job.messageIds[i], [FIXTURE_PHONE]: job.phones[i], ...extra });

  beforeAll(async () => {
    t = await startTestApp();
    job = await sentGenericJob(t, 6);
    const patched = await t.http('PATCH', `/api/admin/users/${job.userId}`, {
      token: t.adminToken,
      body: { channel: { provider: 'whapi', config: { token: 'whapi-token', apiBase: job.fake.baseUrl, webhookAuthorization: AUTHORIZATION } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.channel.provider).toBe('whapi');
    // The webhook URL belongs to the user, not the channel: switching providers keeps it.
    expect(t.baseUrl + new URL(patched.body.webhooks.bulk.url).pathname).toBe(job.bulkUrl);
  });
  afterAll(async () => {
    await job.fake.close();
    await t.close();
  });

  it('rejects a missing or wrong Authorization header with 401 and stores nothing; the right one is 200', async () => {
    const body = forMessage('webhook-status-delivered.json', 0);
    expect((await postWhapi(job.bulkUrl, body, null)).status).toBe(401);
    expect((await postWhapi(job.bulkUrl, body, 'Bearer s3cre')).status).toBe(401);
    expect((await postWhapi(job.bulkUrl, body, 'Bearer s3cret-and-more')).status).toBe(401);
    expect((await postWhapi(job.bulkUrl, body, 'Basic czNjcmV0')).status).toBe(401);
    expect(await events()).toEqual([]);
    // An unknown key is 404 whatever the header says.
    expect((await postWhapi(job.bulkUrl.replace(/[^/]+$/, 'nope'), body)).status).toBe(404);

    const ok = await postWhapi(job.bulkUrl, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ received: 1, duplicates: 0 });
    await eventually(async () => (await message(0)).status === 'delivered');
    expect((await message(0)).deliveredAt).toBe(iso(1761746001));
  });

  it('takes the token with or without "Bearer " (Whapi sends what the admin typed)', async () => {
    // The same delivered status again: authenticated, so stored-as-duplicate rather than 401.
    const res = await postWhapi(job.bulkUrl, forMessage('webhook-status-delivered.json', 0), 's3cret');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 0, duplicates: 1 });
  });

  it('applies several statuses[] of one body: read, and failed with its reason', async () => {
    const body = {
      statuses: [
        { id: job.messageIds[0], code: 4, status: 'read', recipient_id: `${job.phones[0]}@s.whatsapp.net`, timestamp: '1761746050' },
        { id: job.messageIds[1], code: 0, status: 'failed', recipient_id: `${job.phones[1]}@s.whatsapp.net`, timestamp: '1761746003', errors: [{ code: 470, message: 'Re-engagement message' }] },
        // Whapi's own `pending` precedes our `sent`: understood, not applied.
        { id: job.messageIds[4], code: 1, status: 'pending', recipient_id: `${job.phones[4]}@s.whatsapp.net`, timestamp: '1761745999' },
      ],
      event: { type: 'statuses', event: 'post' },
      channel_id: 'FALCON-A1B2C',
    };
    const res = await postWhapi(job.bulkUrl, body);
    expect(res.body).toEqual({ received: 3, duplicates: 0 });
    await eventually(async () => (await message(1)).status === 'failed' && (await message(0)).status === 'read');
    expect(await message(0)).toMatchObject({ status: 'read', deliveredAt: iso(1761746001), readAt: iso(1761746050) });
    expect(await message(1)).toMatchObject({ status: 'failed', failedAt: iso(1761746003), failureReason: 'Re-engagement message' });
    await settled();
    expect((await message(4)).status).toBe('sent');
  });

  it('button reply matched by context.quoted_id: "ButtonsV3:b1" → id b1, title Confirm', async () => {
    const payload = forMessage('webhook-reply-button.json', 2);
    expect((await postWhapi(job.bulkUrl, payload)).status).toBe(200);
    await eventually(async () => (await message(2)).status === 'replied');
    const m = await message(2);
    expect(m.repliedAt).toBe(iso(1761746200));
    expect(m.lastReply).toMatchObject({ type: 'buttons_reply', id: 'b1', title: 'Confirm', display: 'Confirm', at: iso(1761746200), payload: payload.messages[0] });
  });

  it('list reply: "ListV3:slot_0930" → id slot_0930, title and description', async () => {
    expect((await postWhapi(job.bulkUrl, forMessage('webhook-reply-list.json', 3))).status).toBe(200);
    await eventually(async () => (await message(3)).status === 'replied');
    expect((await message(3)).lastReply).toMatchObject({ type: 'list_reply', id: 'slot_0930', title: '09:30', text: 'Tomorrow', display: '09:30' });
  });

  it('a text reply without quoted_id is matched by the chat\'s phone', async () => {
    const body = {
      messages: [{ id: 'whapi-inbound-text-1', from_me: false, type: 'text', chat_id: `${job.phones[5]}@s.whatsapp.net`, timestamp: 1761746500, source: 'mobile', text: { body: 'See you then' } }],
      event: { type: 'messages', event: 'post' },
    };
    expect((await postWhapi(job.bulkUrl, body)).status).toBe(200);
    await eventually(async () => (await message(5)).status === 'replied');
    expect((await message(5)).lastReply).toMatchObject({ type: 'text', text: 'See you then', display: 'See you then', at: iso(1761746500) });
  });

  it('our own send echoed back (from_me: true) is stored but not applied: outcome rejected', async () => {
    const before = await message(4);
    const res = await postWhapi(job.bulkUrl, forMessage('webhook-echo-own-message.json', 4));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 1, duplicates: 0 });
    const stored = (await events()).find((e) => e.dedupeKey === `whapi:msg:${job.messageIds[4]}`);
    expect(stored).toBeDefined();
    const echo = await eventually(async () => (await deliveries()).find((d) => d.id === stored!.id && d.outcome !== 'pending'));
    expect(echo).toMatchObject({ kind: 'bulk', outcome: 'rejected', eventType: 'ignored', messageId: job.messageIds[4] });
    await settled();
    expect(await message(4)).toEqual(before);
    expect(before).toMatchObject({ status: 'sent', lastReply: null });
  });

  it('stats equal a GROUP BY over the rows', async () => {
    await settled();
    const s = await stats();
    expect(s).toEqual({ queued: 0, pending: 0, sent: 1, delivered: 0, read: 1, failed: 1, replied: 3 });
    const counted: Record<string, number> = {};
    for (const m of await messages()) counted[m.status] = (counted[m.status] ?? 0) + 1;
    for (const [status, n] of Object.entries(s)) expect([status, n]).toEqual([status, counted[status] ?? 0]);
  });
});
